/**
 * `statecraft backtest energy` end to end on a few days: a slice of NP.csv, and a market of other
 * column names, price levels and negative prices served as NP. The package's schedules run it on the
 * virtual clock with a small champion so each day takes a fraction of a second; the printed metrics
 * must equal ones computed here from the forecasts it read from the lake and the file's prices.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineRegistry } from '../../../../src/builder';
import { DATA_BUCKET } from '../../../../workflows/data-bucket';
import { energyPackage } from '../../../../workflows/energy';
import { NP_CSV, NP_PUBLISHED } from '../lib/energy-data';
import { writeSyntheticMarket } from '../synthetic-market';
import { runCli } from '../../../support/cli-run';
import type { BacktestForecast, BacktestMetrics } from '../../../../workflows/energy/commands/backtest-report';
import { configBands, forecastWindows, prepareFeatureRows, readMarketData } from '../../../../workflows/energy/lib';
import type { ForecasterConfig } from '../../../../workflows/energy/schemas/model';

const registry = defineRegistry({ packages: [energyPackage], modelRegistry: { bucket: DATA_BUCKET, prefix: 'model-registry/' } });
/** Small windows and calibration: the history a forecast needs is 84 + 7 + 2 days. */
const FORECASTER = JSON.stringify({ windows: [56, 84], weights: [0.5, 0.5], band: { method: 'conformal', calibrationDays: 7, recentDays: 2, recentWeight: 0.5 } });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-backtest-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]) => runCli(registry, argv);

/** NP.csv from `first` to `last` inclusive, as a file named NP.csv. */
function npSlice(first: string, last: string): string {
  const [header, ...lines] = readFileSync(NP_CSV, 'utf8').trim().split('\n');
  const path = join(mkdtempSync(join(dir, 'np-')), 'NP.csv');
  writeFileSync(path, [header, ...lines.filter((line) => line.slice(0, 10) >= first && line.slice(0, 10) <= last)].join('\n') + '\n');
  return path;
}

/** Day + hour → the file's price (its second column, whatever it is called). */
function filePrices(path: string): Map<string, number> {
  const [, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  return new Map(lines.map((line) => {
    const [stamp, price] = line.split(',');
    return [`${stamp!.slice(0, 10)} ${Number(stamp!.slice(11, 13))}`, Number(price)];
  }));
}

/** The benchmark's definitions, written out again here rather than taken from the package. */
function expected(actual: number[], p50: number[], band?: { p10: number[]; p90: number[] }): BacktestMetrics {
  const mean = (terms: number[]) => terms.reduce((a, b) => a + b, 0) / terms.length;
  const loss = (q: number[], tau: number) => mean(actual.map((y, i) => (y >= q[i]! ? tau * (y - q[i]!) : (1 - tau) * (q[i]! - y))));
  return {
    mae: mean(actual.map((y, i) => Math.abs(y - p50[i]!))),
    rmae: null, // a period of a week or less has no weekly naive forecast
    smape: 100 * mean(actual.map((y, i) => (2 * Math.abs(y - p50[i]!)) / (Math.abs(y) + Math.abs(p50[i]!)))),
    rmse: Math.sqrt(mean(actual.map((y, i) => (y - p50[i]!) ** 2))),
    pinball: band ? (loss(band.p10, 0.1) + loss(p50, 0.5) + loss(band.p90, 0.9)) / 3 : null,
    coverage: band ? mean(actual.map((y, i) => (y >= band.p10[i]! && y <= band.p90[i]! ? 1 : 0))) : null,
  };
}

function expectClose(got: BacktestMetrics, want: BacktestMetrics): void {
  for (const key of Object.keys(want) as Array<keyof BacktestMetrics>) {
    if (want[key] === null) expect([key, got[key]]).toEqual([key, null]);
    else expect([key, got[key]]).toEqual([key, expect.closeTo(want[key]!, 9)]);
  }
}

/** What, how it is served, the period, and how many of its 4 days of runs forecast. */
const cases: Array<[string, () => { file: string; extra: string[] }, string, string, number]> = [
  // The file ends with the period, as the benchmark's does: the last day's run cannot fetch the next day's
  // exogenous forecasts, so that day's prices never reach the lake, yet its forecast is scored.
  ['a slice of NP.csv', () => ({ file: npSlice('2016-08-01', '2016-12-30'), extra: ['--published', NP_PUBLISHED] }), '2016-12-28', '2016-12-30', 3],
  // Other column names, prices around zero and below it: the file is served as NP, the market the package schedules.
  // The first run is on a Monday, whose 06:00 retrain comes before the world starts rather than failing on an empty lake.
  ['a market of another shape, served as NP', () => ({ file: writeSyntheticMarket('XX', '2020-01-01', 130), extra: ['--market', 'NP'] }), '2020-05-05', '2020-05-07', 4],
];

test.each(cases)('%s: every day of the period forecast by the scheduled runs, and the metrics are those of the lake’s forecasts against the file’s prices', async (_what, make, from, to, forecastRuns) => {
  const { file, extra } = make();
  const { code, stdout, stderr } = await run('backtest', 'energy', '--data', file, '--from', from, '--to', to, '--forecaster', FORECASTER, '--json', ...extra);
  expect({ code, stderr: stderr.split('\n').filter((line) => / failed run/.test(line)) }).toEqual({ code: 0, stderr: [] });
  expect(stderr).toMatch(/\[#{20}\] 4\/4 days, through /);
  expect(stderr).toMatch(/backtest: 4 days of runs in [\d.]+ s \([\d.]+ s per day end to end\)/);
  // Where the time went: real seconds per state, the daily forecast among them, one visit per run that forecast.
  expect(stderr).toContain('where the time went');
  expect(stderr).toMatch(new RegExp(`\\n  energy-ingest Forecast +[\\d.]+ s  ${forecastRuns} visit\\(s\\)\\n`));
  const result = JSON.parse(stdout) as { market: string; days: number; metrics: Record<string, BacktestMetrics>; retraining: unknown; forecasts: BacktestForecast[] };
  // The champion --forecaster approved is not a decision of the loop, and no Monday falls in the period.
  expect(result.retraining).toEqual({ decisions: 0, promoted: [] });
  const forecasts = result.forecasts;
  const days = [...new Set(forecasts.map((f) => f.day))];
  expect(days).toEqual(Array.from({ length: 3 }, (_, d) => new Date(Date.parse(`${from}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10)));
  expect(days[days.length - 1]).toBe(to);
  expect(forecasts.map((f) => f.hour)).toEqual([0, 1, 2].flatMap(() => Array.from({ length: 24 }, (_, h) => h)));
  const prices = filePrices(file);
  expect(forecasts.map((f) => f.actual)).toEqual(forecasts.map((f) => prices.get(`${f.day} ${f.hour}`)));
  for (const f of forecasts) expect(f.p10 <= f.p50 && f.p50 <= f.p90).toBe(true);

  const actual = forecasts.map((f) => prices.get(`${f.day} ${f.hour}`)!);
  expectClose(result.metrics.statecraft!, expected(actual, forecasts.map((f) => f.p50), { p10: forecasts.map((f) => f.p10), p90: forecasts.map((f) => f.p90) }));
  if (extra.includes('--published')) {
    // The published rows over the same hours, from the benchmark's file.
    const [header, ...lines] = readFileSync(NP_PUBLISHED, 'utf8').trim().split('\n');
    const columns = header!.split(',');
    const rows = new Map(lines.map((line) => [`${line.slice(0, 10)} ${Number(line.slice(11, 13))}`, line.split(',').map(Number)]));
    for (const name of ['LEAR Ensemble', 'DNN Ensemble']) {
      const column = columns.indexOf(name);
      expectClose(result.metrics[name]!, expected(actual, forecasts.map((f) => rows.get(`${f.day} ${f.hour}`)![column]!)));
    }
  } else {
    expect(Object.keys(result.metrics)).toEqual(['statecraft']);
  }
}, 120_000);

test("a market whose history holds just the longest window publishes the P50 and band the library's replay computes: calibration days forecast with windows cut to the history there is", async () => {
  // 84 days of history before the first forecast day (a Wednesday: no Monday retrain in the runs), the forecaster's longest window.
  const file = npSlice('2016-08-03', '2016-10-28');
  const { code, stdout, stderr } = await run('backtest', 'energy', '--data', file, '--from', '2016-10-26', '--to', '2016-10-27', '--forecaster', FORECASTER, '--json');
  expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
  const forecasts = (JSON.parse(stdout) as { forecasts: BacktestForecast[] }).forecasts;
  expect(forecasts.map((f) => `${f.day} ${f.hour}`)).toEqual(['2016-10-26', '2016-10-27'].flatMap((day) => Array.from({ length: 24 }, (_, h) => `${day} ${h}`)));

  // The replay: each day's members from the days before it (a window longer than them cut to them), the band over the 7 + 2 days before.
  const config = JSON.parse(FORECASTER) as ForecasterConfig;
  const data = readMarketData(file);
  const first = 84 - 9;
  const members = forecastWindows(prepareFeatureRows(data), first, 85, config.windows);
  const span = { days: 85 - first + 1, actual: data.price.subarray(first * 24, 86 * 24), members };
  const replay = configBands(config, span, 84 - first, 85 - first);
  forecasts.forEach((f, i) => {
    expect([f.day, f.hour, f.p10, f.p50, f.p90]).toEqual([f.day, f.hour, expect.closeTo(replay.p10[i]!, 9), expect.closeTo(replay.p50[i]!, 9), expect.closeTo(replay.p90[i]!, 9)]);
  });
}, 120_000);

test('a feed outage injected with --fault fails the runs it outlasts, which are listed with their error and cause; the days they did not forecast are not scored', async () => {
  const file = npSlice('2016-08-01', '2016-12-31');
  // The load forecast for 2016-12-30 is down: the run of 12-29 that forecasts that day gives up after its five retries
  // (31 hours), so 12-30 is never forecast; the run of 12-30, which would backfill 12-29's prices, meets the same outage.
  // 12-29 was forecast the day before: it is scored against the file's prices although the lake never got them.
  const fault = JSON.stringify({ kind: 'outage', feed: 'exog1', from: '2016-12-30', to: '2016-12-30' });
  const { code, stdout, stderr } = await run('backtest', 'energy', '--data', file, '--from', '2016-12-28', '--to', '2016-12-31', '--forecaster', FORECASTER, '--fault', fault, '--json');
  expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
  const failures = stderr.split('\n').filter((line) => /failed run|^ +started /.test(line));
  expect(failures[0]).toMatch(/^energy-ingest: \d failed run\(s\)$/);
  expect(failures).toContainEqual(expect.stringMatching(/^ {2}started 2016-12-29T09:00:00\.000Z: WebsiteDownException: feed exog1 of NP: HTTP 503 .*2016-12-30/));
  expect([...new Set((JSON.parse(stdout) as { forecasts: BacktestForecast[] }).forecasts.map((f) => f.day))]).toEqual(['2016-12-28', '2016-12-29']);
}, 120_000);

test('without --json the metrics are a table, the published rows beneath ours', async () => {
  const file = npSlice('2016-08-01', '2016-12-31');
  const { code, stdout } = await run('backtest', 'energy', '--data', file, '--from', '2016-12-30', '--to', '2016-12-30', '--forecaster', FORECASTER, '--published', NP_PUBLISHED);
  expect(code).toBe(0);
  const lines = stdout.trim().split('\n');
  expect(lines[0]).toBe('NP, 2016-12-30 .. 2016-12-30: 1 forecast days scored');
  expect(lines[2]).toMatch(/^\s+MAE\s+rMAE\s+sMAPE %\s+RMSE\s+pinball\s+coverage %$/);
  expect(lines.slice(3, 6).map((line) => line.split(/\s{2,}/)[0])).toEqual(['statecraft', 'LEAR Ensemble', 'DNN Ensemble']);
  // What the retraining loop decided follows the table: a Thursday-to-Friday period has no Monday retrain.
  expect(lines.slice(6)).toEqual(['', 'retraining: no decision in the period']);
  expect(lines[3]).toMatch(/^statecraft\s+\d+\.\d{3}\s+—\s+\d+\.\d{2}\s+\d+\.\d{3}\s+\d+\.\d{3}\s+\d+\.\d$/);
  expect(lines[4]).toMatch(/^LEAR Ensemble\s+\d+\.\d{3}\s+—\s+\d+\.\d{2}\s+\d+\.\d{3}\s+—\s+—$/);
}, 120_000);

test.each([
  ['a market no schedule ingests', ['--market', 'XX'], "no schedule ingests market 'XX' (the package schedules NP): pass --market NP to replay the file as that market"],
  ['a day that is not one', ['--from', '2016-02-30'], "--from must be a day YYYY-MM-DD, not '2016-02-30'"],
  ['a period that ends before it starts', ['--from', '2017-01-02', '--to', '2017-01-01'], '--to 2017-01-01 is before --from 2017-01-02'],
  ['a forecaster that is not one', ['--forecaster', '{"windows":[56]}'], /^--forecaster is not a forecaster configuration \(/],
  ['a missing data file', ['--data', 'no-such-market.csv'], '--data: no file no-such-market.csv'],
  ['a fault that is not one', ['--fault', '{"kind":"flood"}'], /^--fault is not a feed fault \(\/kind: /],
])('%s is a usage error, exit 2, before any runtime starts', async (_what, argv, message) => {
  const { code, stdout, stderr } = await run('backtest', 'energy', ...argv);
  expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  const first = stderr.split('\n')[0]!.replace(/^statecraft backtest energy: /, '');
  if (typeof message === 'string') expect(first).toBe(message);
  else expect(first).toMatch(message);
});
