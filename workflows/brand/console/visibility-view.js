// brand-analysis's result in the console: each brand's visibility per one-minute window (the share
// of sampled frames showing it) as a Chart.js plot with OVERALL (any brand) drawn over it, and a
// table of each brand's share of the whole video with when it was first and last seen. The
// execution's output names the report (Visibility's `report.json`), which the view reads from S3.

const COLOURS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#808000'];

export async function render(container, { output }, { Chart, getObject, h }) {
  if (!output?.report) {
    container.append(h('p', { class: 'muted' }, 'This execution has no visibility report.'));
    return;
  }
  const text = await getObject(output.report.bucket, output.report.key);
  if (text === undefined) {
    container.append(h('p', { class: 'muted' }, `The report s3://${output.report.bucket}/${output.report.key} is gone.`));
    return;
  }
  const report = JSON.parse(text);
  const brands = Object.keys(report.labels).sort((a, b) => report.labels[b].share - report.labels[a].share || a.localeCompare(b));
  const shareOfAny = report.windows.reduce((n, w) => n + w.overall * w.frames, 0) / Math.max(1, report.sampledFrames);
  container.append(
    h(
      'div',
      { class: 'visibility-summary', style: 'display:flex;gap:24px;flex-wrap:wrap;margin-bottom:12px' },
      h('span', {}, h('strong', {}, 'Model: '), report.model),
      h('span', {}, h('strong', {}, 'Sampled frames: '), String(report.sampledFrames)),
      h('span', {}, h('strong', {}, 'Minutes: '), String(report.windows.length)),
      h('span', {}, h('strong', {}, 'Any brand visible: '), percent(shareOfAny)),
    ),
  );
  if (brands.length === 0) container.append(h('p', { class: 'muted' }, 'No brand was seen in any sampled frame.'));
  const canvas = h('canvas', { role: 'img', 'aria-label': 'visibility per minute per brand' });
  container.append(h('div', { style: 'position:relative;height:340px' }, canvas));
  new Chart(canvas, {
    data: {
      labels: report.windows.map((w) => `${clock(w.start)}–${clock(w.end)}`),
      datasets: [
        ...brands.map((brand, i) => ({ type: 'bar', label: brand, data: report.windows.map((w) => share(w.labels[brand])), backgroundColor: COLOURS[i % COLOURS.length], order: 2 })),
        { type: 'line', label: 'OVERALL', data: report.windows.map((w) => share(w.overall)), borderColor: '#1d2330', backgroundColor: '#1d2330', borderDash: [6, 4], pointRadius: 4, order: 1 },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { min: 0, max: 100, title: { display: true, text: '% of sampled frames' } }, x: { title: { display: true, text: 'minute of the video' } } },
      plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${Number(item.raw).toFixed(1)} %` } } },
    },
  });
  container.append(
    h('h3', {}, 'Brands over the whole video'),
    h(
      'table',
      { class: 'table compact visibility-brands' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Brand'), h('th', { class: 'num' }, 'Visible'), h('th', { class: 'num' }, 'First seen'), h('th', { class: 'num' }, 'Last seen'))),
      h(
        'tbody',
        {},
        brands.map((brand) => h('tr', { dataset: { brand } }, h('td', {}, brand), h('td', { class: 'num' }, percent(report.labels[brand].share)), h('td', { class: 'num' }, clock(report.labels[brand].firstSeen)), h('td', { class: 'num' }, clock(report.labels[brand].lastSeen)))),
        h('tr', { dataset: { brand: 'OVERALL' } }, h('td', {}, h('b', {}, 'OVERALL')), h('td', { class: 'num' }, percent(shareOfAny)), h('td'), h('td')),
      ),
    ),
  );
}

function share(value) {
  return Math.round((value ?? 0) * 1000) / 10;
}

function percent(value) {
  return `${(value * 100).toFixed(1)} %`;
}

/** Seconds from the start of the video as m:ss.s. */
function clock(seconds) {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds - minutes * 60;
  return `${minutes}:${rest < 10 ? '0' : ''}${rest.toFixed(rest % 1 ? 1 : 0)}`;
}
