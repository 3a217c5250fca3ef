/**
 * `npm run bench:energy`: LEAR per forecast day — 4 calibration windows × 24 hour models, each
 * recalibrated — in TypeScript against the scikit-learn reference (`lars_path` with the pre-1.1
 * LassoLarsIC AIC, then `Lasso`; single-threaded BLAS) on the same days, in the same run.
 *
 * With BENCH_ENERGY_FULL=1 it then forecasts the whole test period (728 days) and prints MAE, rMAE,
 * sMAPE, RMSE next to the published LEAR and DNN rows, the mean deviation from the published LEAR
 * values per window (the 0.02 EUR/MWh check on the long windows), and the P10–P90 bands over 2018.
 *
 * Env: BENCH_ENERGY_DAYS (sampled days, default 4; 0 skips them), BENCH_ENERGY_FULL=1, BENCH_ENERGY_OUT=FILE
 * (writes the full period's forecasts as JSON).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bandPinball,
  bandSeries,
  conformalBand,
  coverage,
  dayIndex,
  empiricalBand,
  forecastDay,
  forecastPeriod,
  LEAR_WINDOWS,
  mae,
  prepareFeatureRows,
  publishedSeries,
  readMarketData,
  readPublishedForecasts,
  rmae,
  rmse,
  smape,
  type Band,
} from '../workflows/energy/lib';
import { envNumber } from './env';
import { runSklearnLear } from './energy-sklearn';
import { findSklearnPython } from './kfold-sklearn';
import { renderTable } from './table';

const DATA = join(__dirname, '../../shared/data/energy');
const MARKET_CSV = join(DATA, 'NP.csv');
const PUBLISHED_CSV = join(DATA, 'Forecasts_NP_DNN_LEAR_ensembles.csv');
/** 0 skips the per-day comparison (for a full-period run alone). */
const SAMPLE_DAYS = process.env.BENCH_ENERGY_DAYS === '0' ? 0 : envNumber('BENCH_ENERGY_DAYS', 4);
const LONG_WINDOWS = [1092, 1456];
const TOLERANCE = 0.02;
const QUANTILE_FROM = '2017-12-26';

const market = readMarketData(MARKET_CSV);
const published = readPublishedForecasts(PUBLISHED_CSV);
const rows = prepareFeatureRows(market);
const testFrom = dayIndex(market, published.days[0]);
const testTo = dayIndex(market, published.days[published.days.length - 1]);

function sampleDays(count: number): string[] {
  const span = testTo - testFrom;
  return Array.from({ length: count }, (_, k) => market.days[testFrom + Math.round(((k + 0.5) * span) / count)]);
}

function meanAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

function perDay(): void {
  const days = sampleDays(SAMPLE_DAYS);
  console.log(`LEAR per forecast day (${LEAR_WINDOWS.join('/')} days × 24 hours), ${days.length} days of the NP test period\n`);
  const ours = days.map((day) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const forecast = forecastDay(rows, dayIndex(market, day));
    const used = process.cpuUsage(cpu);
    return { day, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, forecast };
  });
  const python = findSklearnPython();
  const reference = python ? runSklearnLear(python.python, MARKET_CSV, days, LEAR_WINDOWS) : undefined;
  const table = ours.map((o, k) => {
    const ref = reference ? { wall: reference.seconds[k], cpu: reference.cpuSeconds[k] } : undefined;
    const deviation = reference ? Math.max(...LEAR_WINDOWS.map((w) => meanAbsDifference(o.forecast.byWindow.get(w) ?? [], reference.forecasts[o.day][String(w)]))) : undefined;
    return [
      o.day,
      o.seconds.toFixed(3),
      o.cpuSeconds.toFixed(3),
      ref ? ref.wall.toFixed(2) : 'n/a',
      ref ? ref.cpu.toFixed(2) : 'n/a',
      ref ? `${(ref.cpu / o.cpuSeconds).toFixed(1)}×` : 'n/a',
      deviation === undefined ? 'n/a' : deviation.toFixed(4),
    ];
  });
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const oursCpu = total(ours.map((o) => o.cpuSeconds));
  const refCpu = reference ? total(reference.cpuSeconds) : undefined;
  table.push([
    'mean',
    (total(ours.map((o) => o.seconds)) / ours.length).toFixed(3),
    (oursCpu / ours.length).toFixed(3),
    reference ? (total(reference.seconds) / ours.length).toFixed(2) : 'n/a',
    refCpu === undefined ? 'n/a' : (refCpu / ours.length).toFixed(2),
    refCpu === undefined ? 'n/a' : `${(refCpu / oursCpu).toFixed(1)}×`,
    '',
  ]);
  console.log(renderTable(['day', 'statecraft s', 'statecraft CPU s', 'scikit-learn s', 'scikit-learn CPU s', 'CPU ratio', 'max window |Δ| vs sklearn'], table));
  console.log(python ? `\nscikit-learn ${python.version} (${python.python}), single-threaded BLAS. |Δ|: mean absolute difference of the 24 prices, EUR/MWh, worst window.` : '\nscikit-learn not found (apt-get install -y python3-sklearn): reference skipped.');
}

function metricRow(name: string, actual: Float64Array, forecast: ArrayLike<number>): string[] {
  return [name, mae(actual, forecast).toFixed(3), rmae(actual, forecast).toFixed(3), smape(actual, forecast).toFixed(2), rmse(actual, forecast).toFixed(3)];
}

function fullPeriod(): void {
  console.log(`\nFull test period ${published.days[0]} .. ${published.days[published.days.length - 1]} (${testTo - testFrom + 1} days)`);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const period = forecastPeriod(rows, testFrom, testTo, LEAR_WINDOWS, (d) => {
    if ((d - testFrom + 1) % 50 === 0) process.stderr.write(`  ${d - testFrom + 1} days, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const days = testTo - testFrom + 1;
  console.log(`forecast in ${seconds.toFixed(1)} s wall (${(seconds / days).toFixed(3)} s per day), ${cpuSeconds.toFixed(1)} s CPU (${(cpuSeconds / days).toFixed(3)} s per day)\n`);
  const actual = publishedSeries(published, 'Real price');
  const table = [
    ...LEAR_WINDOWS.map((w) => metricRow(`statecraft LEAR ${w}`, actual, period.byWindow.get(w) ?? [])),
    metricRow('statecraft LEAR ensemble', actual, period.ensemble),
    ...LEAR_WINDOWS.map((w) => metricRow(`published LEAR ${w}`, actual, publishedSeries(published, `LEAR ${w}`))),
    metricRow('published LEAR ensemble', actual, publishedSeries(published, 'LEAR Ensemble')),
    metricRow('published DNN ensemble', actual, publishedSeries(published, 'DNN Ensemble')),
  ];
  console.log(renderTable(['model', 'MAE', 'rMAE', 'sMAPE %', 'RMSE'], table));
  console.log('\nDeviation from the published LEAR forecasts (mean |Δ| over all hours, EUR/MWh)');
  console.log(
    renderTable(
      ['window', 'mean |Δ|', 'check'],
      LEAR_WINDOWS.map((w) => {
        const deviation = meanAbsDifference(period.byWindow.get(w) ?? [], publishedSeries(published, `LEAR ${w}`));
        return [String(w), deviation.toFixed(4), LONG_WINDOWS.includes(w) ? (deviation <= TOLERANCE ? `≤ ${TOLERANCE} ✓` : `> ${TOLERANCE} ✗`) : 'not reproducible (README)'];
      }),
    ),
  );
  const ensembleMae = mae(actual, period.ensemble);
  console.log(`ensemble MAE ${ensembleMae.toFixed(4)} ${ensembleMae <= 1.738 ? '≤ 1.738 ✓' : '> 1.738 ✗'}`);
  bands(actual, period.ensemble, (w) => period.byWindow.get(w) ?? new Float64Array(0));
  const out = process.env.BENCH_ENERGY_OUT;
  if (out) {
    writeFileSync(out, JSON.stringify({ days: published.days, windows: Object.fromEntries([...period.byWindow].map(([w, f]) => [w, Array.from(f)])), ensemble: Array.from(period.ensemble) }));
    console.log(`\nforecasts written to ${out}`);
  }
}

function bands(actual: Float64Array, ensemble: Float64Array, member: (w: number) => Float64Array): void {
  const from = published.days.indexOf(QUANTILE_FROM);
  const to = published.days.length - 1;
  const truth = actual.subarray(from * 24);
  const ours = { actual, point: ensemble, members: LEAR_WINDOWS.map(member) };
  const theirs = { actual, point: publishedSeries(published, 'LEAR Ensemble'), members: LEAR_WINDOWS.map((w) => publishedSeries(published, `LEAR ${w}`)) };
  const row = (name: string, band: Band) => [name, coverage(truth, band).toFixed(3), bandPinball(truth, band).toFixed(4)];
  console.log(`\nP10–P90 bands over ${QUANTILE_FROM} .. ${published.days[to]} (target coverage 0.80 ± 0.02)`);
  console.log(
    renderTable(
      ['band', 'coverage', 'mean pinball'],
      [
        row('baseline: empirical residuals, 56 d, around statecraft LEAR ensemble', bandSeries(from, to, (d) => empiricalBand(ours, d))),
        row('conformal (member spread + recent error), around statecraft LEAR ensemble', bandSeries(from, to, (d) => conformalBand(ours, d))),
        row('baseline around published LEAR ensemble', bandSeries(from, to, (d) => empiricalBand(theirs, d))),
        row('conformal around published LEAR ensemble', bandSeries(from, to, (d) => conformalBand(theirs, d))),
      ],
    ),
  );
}

if (SAMPLE_DAYS > 0) perDay();
if (process.env.BENCH_ENERGY_FULL === '1') fullPeriod();
