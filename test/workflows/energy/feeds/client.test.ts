/** The feed client over HTTP: each failure is the typed error the workflow's retries match; the raw answer is kept as received. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFeedServer, feedUrl, feedUrlVariable, fetchFeed, MarketFiles, type FeedServer } from '../../../../workflows/energy/feeds';
import { writeSyntheticMarket } from '../synthetic-market';

const file = writeSyntheticMarket('XX', '2020-01-01', 30);
const now = new Date('2020-01-10T09:00:00Z');
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
afterEach(() => feeds.faults.clear());

const request = { market: 'XX', feed: 'exog1' as const, from: '2020-01-08', to: '2020-01-11' };

test('a published range is read and validated; the raw answer is the text received', async () => {
  const result = await fetchFeed(`${base}/XX/exog1`, request);
  expect(result.days.map((d) => d.day)).toEqual(['2020-01-08', '2020-01-09', '2020-01-10', '2020-01-11']);
  expect(JSON.parse(result.raw).series).toBe('Load Forecast');
});

test.each([
  ['an outage', { kind: 'outage', feed: 'exog1', from: '2020-01-09', to: '2020-01-09' }, request, 'WebsiteDownException'],
  ['a stale day', { kind: 'stale', feed: 'exog1', from: '2020-01-11', to: '2020-01-11' }, request, 'DataNotAvailableException'],
  ['a day not yet published', undefined, { ...request, to: '2020-01-12' }, 'DataNotAvailableException'],
  ['an unknown market', undefined, { ...request, market: 'YY' }, 'FeedRequestFailed'],
])('%s fails with %s', async (_what, fault, asked, name) => {
  if (fault) await fetch(`${base}/faults`, { method: 'POST', body: JSON.stringify(fault) });
  await expect(fetchFeed(`${base}/${asked.market}/exog1`, asked)).rejects.toMatchObject({ name });
});

test('an unreachable feed is WebsiteDownException', async () => {
  await expect(fetchFeed('http://127.0.0.1:9/_feeds/XX/exog1', request)).rejects.toMatchObject({ name: 'WebsiteDownException' });
});

test('the URL comes from the per-market variable, else from the base, else a named error', () => {
  expect(feedUrl('NP', 'prices', { [feedUrlVariable('NP', 'prices')]: 'https://prices.example/np' })).toBe('https://prices.example/np');
  expect(feedUrl('NP', 'exog2', { ENERGY_FEEDS_URL: 'http://127.0.0.1:4599/_feeds/' })).toBe('http://127.0.0.1:4599/_feeds/NP/exog2');
  expect(() => feedUrl('NP', 'prices', {})).toThrow(expect.objectContaining({ name: 'FeedRequestFailed' }));
});
