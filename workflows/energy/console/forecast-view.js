// energy-ingest's result in the console: the forecast day's 24 hours with the P10–P90 band and P50,
// after the last days' published forecasts with their bands against the prices that came (a
// Chart.js plot), and how often those prices fell inside the band. The execution's output names the
// forecast object the Forecast task wrote (`location`); its `hours` are the new day, its `recent`
// the days before it (older objects have no `recent`: then only the new day is drawn).

const BAND = 'rgba(47,111,222,.16)';
const FORECAST_BAND = 'rgba(194,120,3,.3)';
const P50 = '#2f6fde';
const FORECAST_P50 = '#c27803';
const ACTUAL = '#1d2330';

export async function render(container, { output }, { Chart, getObject, h }) {
  if (!output?.location) {
    container.append(h('p', { class: 'muted' }, 'This execution has no forecast.'));
    return;
  }
  const text = await getObject(output.location.bucket, output.location.key);
  if (text === undefined) {
    container.append(h('p', { class: 'muted' }, `The forecast s3://${output.location.bucket}/${output.location.key} is gone.`));
    return;
  }
  const forecast = JSON.parse(text);
  const points = [...(forecast.recent ?? []), ...forecast.hours.map((hour) => ({ ...hour, date: forecast.date, actual: null }))];
  const published = (forecast.recent ?? []).filter((hour) => hour.p50 !== null && hour.actual !== null);
  const inside = published.filter((hour) => hour.actual >= hour.p10 && hour.actual <= hour.p90).length;
  const absError = published.reduce((sum, hour) => sum + Math.abs(hour.actual - hour.p50), 0);

  container.append(
    h(
      'div',
      { class: 'forecast-summary', style: 'display:flex;gap:24px;flex-wrap:wrap;margin-bottom:12px' },
      h('span', {}, h('strong', {}, 'Market: '), forecast.market),
      h('span', {}, h('strong', {}, 'Delivery day: '), forecast.date),
      h('span', {}, h('strong', {}, 'Model: '), forecast.model),
      h('span', {}, h('strong', {}, 'Made: '), forecast.madeAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')),
      h(
        'span',
        { class: 'coverage' },
        h('strong', {}, 'Recent prices inside P10–P90: '),
        published.length === 0 ? 'no published forecast yet' : `${inside} of ${published.length} hours (${percent(inside / published.length)}), P50 off by ${(absError / published.length).toFixed(2)} on average`,
      ),
    ),
  );
  const canvas = h('canvas', { role: 'img', 'aria-label': `P10–P90 forecast band, P50 and actual prices up to ${forecast.date}` });
  container.append(h('div', { style: 'position:relative;height:360px' }, canvas));
  const line = (label, key, style) => ({ type: 'line', label, data: points.map((point) => point[key]), pointRadius: 0, borderWidth: 1.5, spanGaps: false, ...style });
  // The new day in its own colour, so it stands apart from the published days before it.
  const newDay = (recentColour, dayColour) => (segment) => (segment.p0DataIndex >= points.length - forecast.hours.length ? dayColour : recentColour);
  new Chart(canvas, {
    data: {
      labels: points.map((point) => `${point.date} ${String(point.hour).padStart(2, '0')}:00`),
      datasets: [
        // P90 fills down to P10, the next dataset: the band.
        line('P90', 'p90', { borderColor: BAND, backgroundColor: BAND, borderWidth: 0, fill: '+1', segment: { backgroundColor: newDay(BAND, FORECAST_BAND) } }),
        line('P10', 'p10', { borderColor: BAND, backgroundColor: BAND, borderWidth: 0, fill: false }),
        line('P50', 'p50', { borderColor: P50, backgroundColor: P50, segment: { borderColor: newDay(P50, FORECAST_P50) } }),
        line('Actual', 'actual', { borderColor: ACTUAL, backgroundColor: ACTUAL, borderWidth: 2 }),
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          title: { display: true, text: `delivery hour (the last day, ${forecast.date}, in orange, is the forecast)` },
          // One tick per day, at its first hour.
          ticks: { autoSkip: false, maxRotation: 0, callback: (_value, index) => (points[index]?.hour === 0 ? points[index].date : undefined) },
        },
        y: { title: { display: true, text: 'price' } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { filter: (item) => item.raw !== null, callbacks: { label: (item) => `${item.dataset.label}: ${Number(item.raw).toFixed(2)}` } },
      },
    },
  });
  container.append(
    h('h3', {}, `The forecast for ${forecast.date}`),
    h(
      'table',
      { class: 'table compact forecast-hours' },
      h('thead', {}, h('tr', {}, h('th', { class: 'num' }, 'Hour'), h('th', { class: 'num' }, 'P10'), h('th', { class: 'num' }, 'P50'), h('th', { class: 'num' }, 'P90'))),
      h(
        'tbody',
        {},
        forecast.hours.map((hour) => h('tr', { dataset: { hour: String(hour.hour) } }, h('td', { class: 'num' }, `${String(hour.hour).padStart(2, '0')}:00`), ...[hour.p10, hour.p50, hour.p90].map((value) => h('td', { class: 'num' }, value.toFixed(2))))),
      ),
    ),
  );
}

function percent(value) {
  return `${(value * 100).toFixed(1)} %`;
}
