// kfold-cv's result in the console: every candidate's fold scores (a Chart.js plot, with each
// candidate's mean and the baseline), the best candidate, and the baseline verdict. A browser ES
// module the console loads for executions of kfold-cv; it reads the execution's output
// (schemas/kfold/output.ts) and, for the baseline of a registered run, its input.

/** KfoldInput's default baselineScore, for runs whose input leaves it out. */
const DEFAULT_BASELINE = 0.6;
const FOLD_COLOURS = ['#2f6fde', '#1f8a4c', '#c27803', '#8e44ad', '#c9372c', '#16a2b8', '#6b7280', '#d35400', '#2c3e50', '#7f8c8d'];

export function render(container, { execution, output }, { Chart }) {
  const search = output?.search;
  if (!search) {
    container.textContent = 'This execution has no search result.';
    return;
  }
  const input = JSON.parse(execution.input ?? '{}');
  const baseline = output.status === 'BelowBaseline' ? output.baselineScore : (input.baselineScore ?? DEFAULT_BASELINE);
  const best = search.best;
  const candidates = [...search.candidates].sort((a, b) => a.id - b.id);

  container.append(verdict(output, best, baseline));
  const canvasBox = document.createElement('div');
  canvasBox.style.position = 'relative';
  canvasBox.style.height = '360px';
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-label', 'fold scores of every candidate');
  canvas.setAttribute('role', 'img');
  canvasBox.append(canvas);
  container.append(canvasBox);

  const labels = candidates.map((c) => `#${c.id} ${describe(c.params)}`);
  const folds = Math.max(...candidates.map((c) => c.foldScores.length));
  const datasets = [
    {
      type: 'bar',
      label: 'mean',
      data: candidates.map((c) => c.mean),
      backgroundColor: candidates.map((c) => (c.id === best.id ? 'rgba(31,138,76,.35)' : 'rgba(47,111,222,.14)')),
      borderColor: candidates.map((c) => (c.id === best.id ? '#1f8a4c' : 'rgba(47,111,222,.5)')),
      borderWidth: 1,
      order: 3,
    },
    ...Array.from({ length: folds }, (_, fold) => ({
      type: 'line',
      label: `fold ${fold + 1}`,
      data: candidates.map((c) => c.foldScores[fold] ?? null),
      showLine: false,
      pointRadius: 4,
      pointHoverRadius: 6,
      backgroundColor: FOLD_COLOURS[fold % FOLD_COLOURS.length],
      borderColor: FOLD_COLOURS[fold % FOLD_COLOURS.length],
      order: 1,
    })),
    {
      type: 'line',
      label: `baseline ${baseline}`,
      data: candidates.map(() => baseline),
      borderColor: '#c9372c',
      borderDash: [6, 4],
      borderWidth: 1.5,
      pointRadius: 0,
      fill: false,
      order: 2,
    },
  ];
  const lowest = Math.min(baseline, ...candidates.flatMap((c) => c.foldScores));
  new Chart(canvas, {
    data: { labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        y: { title: { display: true, text: 'fold score (accuracy)' }, suggestedMin: Math.max(0, Math.floor(lowest * 20) / 20 - 0.05), suggestedMax: 1 },
        x: { ticks: { autoSkip: false, maxRotation: 60, minRotation: 30, font: { size: 10.5 } } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${Number(item.raw).toFixed(4)}` } },
      },
    },
  });
  container.append(ranking(candidates, best));
}

function verdict(output, best, baseline) {
  const box = document.createElement('div');
  box.className = 'kfold-verdict';
  box.style.cssText = 'display:flex;gap:24px;flex-wrap:wrap;align-items:baseline;margin-bottom:12px';
  const registered = output.status === 'Registered';
  const badge = document.createElement('span');
  badge.className = `badge ${registered ? 'status-succeeded' : 'status-caught'}`;
  badge.textContent = registered ? 'meets the baseline' : 'below the baseline';
  const bestText = document.createElement('span');
  bestText.append(strong('Best: '), `#${best.id} ${describe(best.params)} — ${best.mean.toFixed(4)} ± ${best.std.toFixed(4)}`);
  const baselineText = document.createElement('span');
  baselineText.append(strong('Baseline: '), String(baseline));
  const model = document.createElement('span');
  if (registered) {
    const link = document.createElement('a');
    link.href = `#/models/${encodeURIComponent(output.model.modelName)}/${output.model.version}`;
    link.textContent = `${output.model.modelName} v${output.model.version}`;
    model.append(strong('Registered: '), link, ` (${output.model.status} when registered)`);
  }
  else model.append('No model registered.');
  box.append(badge, bestText, baselineText, model);
  return box;
}

function ranking(candidates, best) {
  const table = document.createElement('table');
  table.className = 'table compact';
  table.innerHTML = '<thead><tr><th>Rank</th><th>Candidate</th><th class="num">Mean</th><th class="num">Std</th><th>Fold scores</th></tr></thead>';
  const body = document.createElement('tbody');
  [...candidates].sort((a, b) => b.mean - a.mean || a.id - b.id).slice(0, 10).forEach((c, i) => {
    const row = document.createElement('tr');
    if (c.id === best.id) row.style.fontWeight = '600';
    for (const [text, cls] of [[String(i + 1), 'num'], [`#${c.id} ${describe(c.params)}`, ''], [c.mean.toFixed(4), 'num'], [c.std.toFixed(4), 'num'], [c.foldScores.map((s) => s.toFixed(3)).join('  '), 'muted']]) {
      const cell = document.createElement('td');
      cell.className = cls;
      cell.textContent = text;
      row.append(cell);
    }
    body.append(row);
  });
  table.append(body);
  const caption = document.createElement('h3');
  caption.textContent = candidates.length > 10 ? 'Top 10 candidates' : 'Candidates by mean score';
  const wrap = document.createElement('div');
  wrap.append(caption, table);
  return wrap;
}

function describe(params) {
  const gamma = params.kernel === 'linear' ? '' : ` γ=${typeof params.gamma === 'number' ? round(params.gamma) : params.gamma}`;
  return `${params.kernel} C=${round(params.C)}${gamma}`;
}

function round(x) {
  return Number(x.toPrecision(3));
}

function strong(text) {
  const el = document.createElement('strong');
  el.textContent = text;
  return el;
}
