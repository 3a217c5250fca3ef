/** The feed server: only what is published by the clock's time, per feed; faults per feed and day range, and as a rate. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFeedServer, MarketFiles, publicationTime, type FeedServer } from '../../../../workflows/energy/feeds';
import { writeSyntheticMarket } from '../synthetic-market';

const file = writeSyntheticMarket('XX', '2020-01-01', 30);
let now = new Date('2020-01-10T09:00:00Z');
let feeds: FeedServer;
let server: Server;
let base: string;

beforeAll(async () => {
  feeds = createFeedServer({ now: () => now }, new MarketFiles([file]));
  server = createServer((req, res) => void feeds.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/_feeds`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  feeds.faults.clear();
  now = new Date('2020-01-10T09:00:00Z');
});

async function get(path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, body: await response.json() };
}

test.each([
  ['prices', '2020-01-10T11:59:59Z', '2020-01-10'],
  ['prices', '2020-01-10T12:00:00Z', '2020-01-11'],
  ['exog1', '2020-01-10T07:59:59Z', '2020-01-10'],
  ['exog1', '2020-01-10T08:00:00Z', '2020-01-11'],
  ['exog2', '2020-01-10T09:00:00Z', '2020-01-11'],
])('no look-ahead: %s at %s answers up to %s and nothing later', async (feed, at, last) => {
  now = new Date(at);
  const { status, body } = await get(`/XX/${feed}?from=2020-01-08&to=2020-01-20`);
  expect(status).toBe(200);
  expect(body.days.map((day: { day: string }) => day.day).pop()).toBe(last);
  for (const day of body.days) expect(Date.parse(day.publishedAt)).toBeLessThanOrEqual(now.getTime());
});

test('a day answers its 24 hours from the file, whatever the columns are called, negative prices included', async () => {
  const { body } = await get('/XX/prices?day=2020-01-05');
  expect(body).toMatchObject({ market: 'XX', feed: 'prices', series: 'Spot EUR' });
  expect(body.days).toHaveLength(1);
  expect(body.days[0].values.map((v: { hour: number }) => v.hour)).toEqual(Array.from({ length: 24 }, (_, h) => h));
  expect(body.days[0].values.some((v: { value: number }) => v.value < 0)).toBe(true);
  expect(body.days[0].publishedAt).toBe(publicationTime('prices', '2020-01-05').toISOString());
  expect((await get('/XX/exog2?day=2020-01-05')).body.series).toBe('Solar Forecast');
});

test('days before the file and after it are absent, not invented', async () => {
  now = new Date('2021-01-01T00:00:00Z');
  const { body } = await get('/XX/prices?from=2019-12-30&to=2020-02-05');
  expect(body.days[0].day).toBe('2020-01-01');
  expect(body.days[body.days.length - 1].day).toBe('2020-01-30');
});

test('an outage answers 503 for its feed and days only', async () => {
  await fetch(`${base}/faults`, { method: 'POST', body: JSON.stringify({ kind: 'outage', feed: 'prices', from: '2020-01-05', to: '2020-01-06' }) });
  expect((await get('/XX/prices?day=2020-01-05')).status).toBe(503);
  expect((await get('/XX/prices?day=2020-01-07')).status).toBe(200);
  expect((await get('/XX/exog1?day=2020-01-05')).status).toBe(200);
});

test("a stale day answers the day before's values with its old publishedAt", async () => {
  await fetch(`${base}/faults`, { method: 'POST', body: JSON.stringify({ kind: 'stale', market: 'XX', from: '2020-01-05', to: '2020-01-05' }) });
  const stale = (await get('/XX/exog1?day=2020-01-05')).body.days[0];
  const before = (await get('/XX/exog1?day=2020-01-04')).body.days[0];
  expect(stale.day).toBe('2020-01-05');
  expect(stale.publishedAt).toBe(before.publishedAt);
  expect(stale.values).toEqual(before.values);
});

test('a rated fault hits about its share of days, the same at the same hour, drawn again an hour later', async () => {
  await fetch(`${base}/faults`, { method: 'POST', body: JSON.stringify({ kind: 'outage', rate: 0.3, seed: 7 }) });
  const statuses = async () => Promise.all(Array.from({ length: 9 }, (_, i) => get(`/XX/prices?day=2020-01-0${i + 1}`).then((r) => r.status)));
  const first = await statuses();
  expect(await statuses()).toEqual(first);
  now = new Date('2020-01-10T10:00:00Z');
  const later = await statuses();
  expect(first.filter((s) => s === 503).length + later.filter((s) => s === 503).length).toBeGreaterThan(0);
  expect(later).not.toEqual(first);
});

test.each([
  ['an unknown market', '/YY/prices?day=2020-01-05', 404, 'UnknownMarket'],
  ['an unknown feed', '/XX/wind?day=2020-01-05', 404, 'UnknownFeed'],
  ['no day', '/XX/prices', 400, 'BadRequest'],
  ['a reversed range', '/XX/prices?from=2020-01-05&to=2020-01-01', 400, 'BadRequest'],
])('%s is refused with a named error', async (_what, path, status, error) => {
  expect(await get(path)).toMatchObject({ status, body: { error } });
});

test('faults are listed, refused when malformed, and cleared', async () => {
  expect((await fetch(`${base}/faults`, { method: 'POST', body: '{"kind":"flood"}' })).status).toBe(400);
  await fetch(`${base}/faults`, { method: 'POST', body: JSON.stringify({ kind: 'stale', feed: 'exog2' }) });
  expect((await get('/faults')).body.faults).toEqual([{ kind: 'stale', feed: 'exog2' }]);
  await fetch(`${base}/faults`, { method: 'DELETE' });
  expect((await get('/faults')).body.faults).toEqual([]);
});

test('the index lists the markets served with their days and columns', async () => {
  expect((await get('/')).body).toEqual({ markets: [{ market: 'XX', firstDay: '2020-01-01', lastDay: '2020-01-30', series: { prices: 'Spot EUR', exog1: 'Load Forecast', exog2: 'Solar Forecast' } }] });
});

test('a replay start serves the file moved by whole weeks: same values, same weekdays, published by the moved days', async () => {
  const shifted = createFeedServer({ now: () => new Date('2030-01-01T00:00:00Z') }, MarketFiles.fromEnvironment({ STATECRAFT_ENERGY_MARKET_FILES: file, STATECRAFT_ENERGY_REPLAY_START: '2029-12-01' }));
  const answers: Record<string, any> = {};
  const reply = (day: string) =>
    new Promise<void>((resolve) => {
      const res = { writeHead: () => res, end: (text: string) => ((answers[day] = JSON.parse(text)), resolve()) };
      void shifted.handle({ url: `/_feeds/XX/prices?day=${day}`, method: 'GET' } as never, res as never);
    });
  // 2020-01-01, a Wednesday, moves by the whole weeks nearest 2029-12-01: 517 weeks, to Wednesday 2029-11-28.
  await reply('2029-11-28');
  const original = (await get('/XX/prices?day=2020-01-01')).body.days[0];
  expect(answers['2029-11-28'].days[0].values).toEqual(original.values);
  expect(answers['2029-11-28'].days[0].publishedAt).toBe(publicationTime('prices', '2029-11-28').toISOString());
  expect(new Date('2029-11-28T00:00:00Z').getUTCDay()).toBe(new Date('2020-01-01T00:00:00Z').getUTCDay());
});

test('by default a file is served as written while the clock is inside it, and replayed with two years ahead once the clock is past its end', async () => {
  const long = writeSyntheticMarket('YY', '2020-01-01', 800); // 2020-01-01 .. 2022-03-10
  const index = async (at: string) =>
    new Promise<any>((resolve) => {
      const server = createFeedServer({ now: () => new Date(at) }, MarketFiles.fromEnvironment({ STATECRAFT_ENERGY_MARKET_FILES: long }));
      const res = { writeHead: () => res, end: (text: string) => resolve(JSON.parse(text).markets[0]) };
      void server.handle({ url: '/_feeds/', method: 'GET' } as never, res as never);
    });
  expect(await index('2021-06-01T09:00:00Z')).toMatchObject({ firstDay: '2020-01-01', lastDay: '2022-03-10' });
  // Past the end: the file day 728 days before its last (2020-03-12, a Thursday) is served on the Thursday nearest 2030-01-01, 2030-01-03.
  const replayed = await index('2030-01-01T09:00:00Z');
  expect(replayed).toMatchObject({ firstDay: '2029-10-24', lastDay: '2032-01-01' });
  expect(new Date('2029-10-24T00:00:00Z').getUTCDay()).toBe(new Date('2020-01-01T00:00:00Z').getUTCDay());
});
