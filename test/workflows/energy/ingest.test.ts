/**
 * energy-ingest end to end in the local runtime on the virtual clock: a historical load and forecast,
 * the next days appended and forecast, idempotent re-runs, an outage that outlasts the retries and
 * the backfill after it, a stale feed, and a bad answer that appends nothing. Retries take no real
 * time; the history shows every attempt.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineRegistry } from '../../../src/builder';
import { VirtualClock } from '../../../src/clock/clock';
import { createLocalRuntime, mountPackageEndpoints, runWorkflow, type LocalRuntime } from '../../../src/host';
import type { Json } from '../../../src/asl/json';
import { DATA_BUCKET } from '../../../workflows/data-bucket';
import { energyPackage } from '../../../workflows/energy';
import { FEEDS_BASE_VARIABLE, feedUrlVariable, MARKET_FILES_VARIABLE } from '../../../workflows/energy/feeds';
import { writeSyntheticMarket } from './synthetic-market';

const registry = defineRegistry({ packages: [energyPackage], modelRegistry: { bucket: DATA_BUCKET, prefix: 'model-registry/' } });
/** Small windows and calibration so each forecast takes a fraction of a second. */
const champion = { windows: [56, 84], weights: [0.5, 0.5], band: { method: 'conformal', calibrationDays: 7, recentDays: 2, recentWeight: 0.5 } };
const REACH = 84 + 7 + 2;

let dir: string;
let runtime: LocalRuntime;
let server: Server;
let feedsUrl: string;
let published: Json[] = [];
const clock = new VirtualClock(Date.parse('2020-04-20T09:00:00Z'));
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-energy-'));
  process.env[MARKET_FILES_VARIABLE] = writeSyntheticMarket('XX', '2020-01-01', 200);
  runtime = await createLocalRuntime({
    registry,
    dataDir: dir,
    workers: 1,
    clock,
    events: { putEvents: async (entries) => (published.push(...entries), { FailedEntryCount: 0, Entries: [] }) },
  });
  const endpoints = mountPackageEndpoints(registry, clock);
  server = createServer((req, res) => void endpoints.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const env = endpoints.environment(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  Object.assign(process.env, env);
  feedsUrl = env[FEEDS_BASE_VARIABLE];
  const version = await runtime.services.models.register({ modelName: 'energy-XX', kind: 'lear-ensemble', artefact: { bucket: DATA_BUCKET, key: 'models/energy-XX.json' }, hyperparameters: champion, metrics: {}, executionArn: 'test' });
  await runtime.services.models.approve('energy-XX', version.version);
});
afterAll(async () => {
  process.env = saved;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => fetch(`${feedsUrl}/faults`, { method: 'DELETE' }));

const query = (sql: string) => runtime.services.lake.query(sql);
const historyDays = async () => (await query("SELECT \"date\", COUNT(*) AS n FROM energy_history WHERE market = 'XX' GROUP BY \"date\" ORDER BY \"date\"")).map((row) => [row.date, Number(row.n)]);
const today = () => new Date(clock.now()).toISOString().slice(0, 10);

function attemptsOf(executionArn: string, state: string): { failures: string[]; scheduled: number } {
  const events = runtime.engine.getExecutionHistory({ executionArn, maxResults: 1000 }).events ?? [];
  const ids = new Set(events.filter((e) => e.type === 'TaskStateEntered' && e.stateEnteredEventDetails?.name === state).map((e) => e.id));
  // Attempts of a state: the TaskScheduled events after it was entered, in its branch.
  const scheduled = events.filter((e) => e.type === 'TaskScheduled' && (e.taskScheduledEventDetails?.parameters ?? '').includes(`"feed":"${state === 'FetchPrices' ? 'prices' : state === 'FetchExog1' ? 'exog1' : 'exog2'}"`));
  const failures = events.filter((e) => e.type === 'TaskFailed').map((e) => e.taskFailedEventDetails?.error ?? '');
  return { failures, scheduled: ids.size > 0 ? scheduled.length : 0 };
}

async function forecastRows(date: string) {
  return query(`SELECT hour, p10, p50, p90, members, model FROM energy_forecasts WHERE market = 'XX' AND "date" = '${date}' ORDER BY hour`);
}

test('with no history, a historical load reaches back for the windows and calibration, then tomorrow is forecast and published', async () => {
  const result = await runWorkflow(runtime, 'energy-ingest', { market: 'XX' });
  expect([result.status, result.error, result.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
  const output = result.output as { market: string; date: string; model: string; location: { bucket: string; key: string } };
  expect(output).toMatchObject({ market: 'XX', date: '2020-04-21', model: 'energy-XX@1' });
  const days = await historyDays();
  expect(days[0]).toEqual(['2020-01-19', 24]);
  expect(days[days.length - 1]).toEqual(['2020-04-20', 24]);
  expect(days).toHaveLength(REACH);
  const rows = await forecastRows('2020-04-21');
  expect(rows).toHaveLength(24);
  for (const row of rows) {
    expect(Number(row.p10)).toBeLessThanOrEqual(Number(row.p50));
    expect(Number(row.p50)).toBeLessThanOrEqual(Number(row.p90));
    expect(JSON.parse(row.members!)).toHaveLength(2);
  }
  // The calibration days were forecast after the fact and kept apart from the published forecasts.
  expect((await query("SELECT COUNT(DISTINCT \"date\") AS n FROM energy_backcasts WHERE market = 'XX'"))[0].n).toBe('9');
  expect((await query("SELECT COUNT(DISTINCT \"date\") AS n FROM energy_forecasts WHERE market = 'XX'"))[0].n).toBe('1');
  // Every member it made (9 calibration days and the forecast day, per window) is in the retrain's member cache.
  const cached = await runtime.services.objects.listKeys(DATA_BUCKET, 'energy/members/XX/');
  expect(cached).toHaveLength(champion.windows.length * 10);
  for (const [w, window] of champion.windows.entries()) {
    const members = JSON.parse(await runtime.services.objects.getText({ bucket: DATA_BUCKET, key: `energy/members/XX/w${window}/2020-04-21.json` })) as number[];
    expect(members).toEqual(rows.map((row) => (JSON.parse(row.members!) as number[])[w]));
  }
  expect(published).toEqual([expect.objectContaining({ Source: 'statecraft.energy-ingest', DetailType: 'ForecastPublished' })]);
  expect((published[0] as { Detail: unknown }).Detail).toEqual({ market: 'XX', date: '2020-04-21', model: 'energy-XX@1', location: output.location });
  const stored = JSON.parse(await runtime.services.objects.getText(output.location));
  expect(stored.hours).toHaveLength(24);
  // The week before, hour by hour, with its actual prices; no forecast was published for it.
  const actual = await query("SELECT \"date\", hour, price FROM energy_history WHERE market = 'XX' AND \"date\" BETWEEN '2020-04-14' AND '2020-04-20' ORDER BY \"date\", hour");
  expect(stored.recent).toEqual(actual.map((row) => ({ date: row.date, hour: Number(row.hour), actual: Number(row.price), p10: null, p50: null, p90: null })));
  expect(output.location.key).toMatch(/^energy\/forecasts\/XX\/2020-04-21\/2020-04-20T090000Z\.json$/);
});

test('the next day appends only the new day, reuses the stored forecasts, and re-runs, two at once too, duplicate nothing', async () => {
  await clock.advance(86_400_000);
  const first = await runWorkflow(runtime, 'energy-ingest', { market: 'XX' });
  expect(first.status).toBe('SUCCEEDED');
  expect((first.output as { date: string }).date).toBe('2020-04-22');
  // Two runs of the same day at once (a schedule and a person) write the same objects and register the same partitions.
  const [again, concurrent] = await Promise.all([runWorkflow(runtime, 'energy-ingest', { market: 'XX' }), runWorkflow(runtime, 'energy-ingest', { market: 'XX' })]);
  expect([again.status, again.error, concurrent.status, concurrent.error]).toEqual(['SUCCEEDED', undefined, 'SUCCEEDED', undefined]);
  const days = await historyDays();
  expect(days[days.length - 1]).toEqual(['2020-04-21', 24]);
  expect(days.every(([, n]) => n === 24)).toBe(true);
  expect(await forecastRows('2020-04-22')).toHaveLength(24);
  // Yesterday's published band now stands beside its actual prices.
  const stored = JSON.parse(await runtime.services.objects.getText((again.output as { location: { bucket: string; key: string } }).location));
  const yesterday = (stored.recent as { date: string; actual: number; p10: number | null; p50: number | null; p90: number | null }[]).filter((h) => h.date === '2020-04-21');
  expect(yesterday.map((h) => [h.p10, h.p50, h.p90])).toEqual((await forecastRows('2020-04-21')).map((row) => [Number(row.p10), Number(row.p50), Number(row.p90)]));
  expect(yesterday.every((h) => Number.isFinite(h.actual))).toBe(true);
  expect(stored.recent.filter((h: { p50: number | null }) => h.p50 !== null)).toHaveLength(24);
  // Yesterday's forecast was published, so no calibration day had to be made again.
  const forecast = runtime.engine.getExecutionHistory({ executionArn: first.executionArn, maxResults: 1000 }).events!.find((e) => e.type === 'TaskSucceeded' && (e.taskSucceededEventDetails?.output ?? '').includes('backcastDays'));
  expect(forecast?.taskSucceededEventDetails?.output).toContain('"backcastDays":0');
});

test('an outage that outlasts the retries fails the run after every attempt, and the next run backfills the day', async () => {
  await clock.advance(86_400_000);
  const lost = today(); // the prices of today are what this run appends
  await fetch(`${feedsUrl}/faults`, { method: 'POST', body: JSON.stringify({ kind: 'outage', market: 'XX', feed: 'prices', from: lost, to: lost }) });
  const started = clock.now();
  const failed = await runWorkflow(runtime, 'energy-ingest', { market: 'XX' });
  expect([failed.status, failed.error]).toEqual(['FAILED', 'WebsiteDownException']);
  const { failures, scheduled } = attemptsOf(failed.executionArn, 'FetchPrices');
  expect(scheduled).toBe(6); // the first attempt and five retries
  expect(failures.filter((name) => name === 'WebsiteDownException')).toHaveLength(6);
  // 1 + 2 + 4 + 8 + 16 hours of backoff passed on the virtual clock.
  expect(clock.now() - started).toBeGreaterThanOrEqual(31 * 3_600_000);
  expect((await historyDays()).map(([day]) => day)).not.toContain(lost);

  await fetch(`${feedsUrl}/faults`, { method: 'DELETE' });
  await clock.advance(86_400_000 - (clock.now() - started));
  const next = await runWorkflow(runtime, 'energy-ingest', { market: 'XX' });
  expect(next.status).toBe('SUCCEEDED');
  const days = (await historyDays()).map(([day]) => day);
  expect(days).toContain(lost);
  expect(days[days.length - 1]).toBe(today());
});

test('a stale feed is retried every hour, eight times, then fails the run without appending', async () => {
  await clock.advance(86_400_000);
  const before = await historyDays();
  const tomorrow = new Date(clock.now() + 86_400_000).toISOString().slice(0, 10);
  await fetch(`${feedsUrl}/faults`, { method: 'POST', body: JSON.stringify({ kind: 'stale', feed: 'exog1', from: tomorrow, to: tomorrow }) });
  const failed = await runWorkflow(runtime, 'energy-ingest', { market: 'XX' });
  expect([failed.status, failed.error]).toEqual(['FAILED', 'DataNotAvailableException']);
  expect(attemptsOf(failed.executionArn, 'FetchExog1').scheduled).toBe(9);
  expect(await historyDays()).toEqual(before);
});

test('a bad answer (a missing hour) fails at once, naming feed, day and hour, and appends nothing', async () => {
  await clock.advance(86_400_000);
  const before = await historyDays();
  const bad = createServer((_req, res) => {
    const day = today();
    const values = Array.from({ length: 23 }, (_, hour) => ({ hour, value: 1 }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ days: [{ day, publishedAt: `${day}T00:00:00Z`, values }] }));
  });
  await new Promise<void>((resolve) => bad.listen(0, '127.0.0.1', resolve));
  process.env[feedUrlVariable('XX', 'prices')] = `http://127.0.0.1:${(bad.address() as AddressInfo).port}/prices`;
  try {
    const failed = await runWorkflow(runtime, 'energy-ingest', { market: 'XX' });
    expect([failed.status, failed.error]).toEqual(['FAILED', 'InvalidFeedAnswer']);
    expect(failed.cause).toContain(`feed prices of XX, day ${today()}, hour 23: missing`);
    expect(attemptsOf(failed.executionArn, 'FetchPrices').scheduled).toBe(1);
    expect(await historyDays()).toEqual(before);
  } finally {
    delete process.env[feedUrlVariable('XX', 'prices')];
    await new Promise<void>((resolve) => bad.close(() => resolve()));
  }
});

test("a backfill asked from before the market's first day reloads the history from that first day", async () => {
  const result = await runWorkflow(runtime, 'energy-ingest', { market: 'XX', backfillFrom: '2019-12-01' });
  expect([result.status, result.error]).toEqual(['SUCCEEDED', undefined]);
  const days = await historyDays();
  expect(days[0]).toEqual(['2020-01-01', 24]);
  expect(days.every(([, n]) => n === 24)).toBe(true);
  expect(days[days.length - 1]![0]).toBe(today());
});
