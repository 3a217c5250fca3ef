/**
 * The local feed server: replays market files as three feeds (prices, exog1, exog2) that answer,
 * per delivery day, only what is published by the clock's current time (see feeds.ts), with the
 * faults in force (faults.ts). Mounted by `statecraft serve` at `/_feeds/`:
 *
 *   GET    /_feeds/                                  the markets served, their days and columns
 *   GET    /_feeds/<market>/<feed>?day=D             one delivery day
 *   GET    /_feeds/<market>/<feed>?from=D1&to=D2     a range; days not yet published are absent
 *   GET    /_feeds/faults                            the faults in force
 *   POST   /_feeds/faults                            add one: {"kind":"outage"|"stale", "market", "feed", "from", "to", "rate", "seed"}
 *   DELETE /_feeds/faults                            clear them
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Value } from '@sinclair/typebox/value';
import type { EndpointContext, EndpointHandler } from '../../../src/builder';
import type { MarketData } from '../lib';
import { FaultRule, FaultTable } from './faults';
import { addDays, daysBetween, isFeed, publicationTime, type FeedAnswer, type FeedDay, type FeedName } from './feeds';
import { MarketFiles } from './market-files';

/** A range request reaches at most this many days: a whole benchmark file fits. */
const MAX_RANGE_DAYS = 4000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface FeedServer {
  readonly faults: FaultTable;
  readonly handle: EndpointHandler;
}

export function createFeedServer(context: EndpointContext, markets: MarketFiles = MarketFiles.fromEnvironment()): FeedServer {
  const faults = new FaultTable();
  const handle: EndpointHandler = async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://feeds');
    const path = url.pathname.replace(/^\/_feeds\/?/, '').split('/').filter((part) => part !== '');
    try {
      if (path.length === 0) return send(res, 200, { markets: describeMarkets(markets, markets.shiftDays(context.now())) });
      if (path.length === 1 && path[0] === 'faults') return await faultRoute(req, res, faults);
      if (path.length === 2 && req.method === 'GET') return answer(res, markets, faults, context.now(), path[0], path[1], url.searchParams);
      return send(res, 404, { error: 'NotFound', message: `No feed route ${req.method} ${url.pathname}` });
    } catch (err) {
      return send(res, 500, { error: 'InternalError', message: (err as Error).message });
    }
  };
  return { faults, handle };
}

function answer(res: ServerResponse, markets: MarketFiles, faults: FaultTable, now: Date, market: string, feed: string, query: URLSearchParams): void {
  const data = markets.market(market);
  if (!data) return send(res, 404, { error: 'UnknownMarket', message: `No market file is served for market ${market} (served: ${[...markets.files.keys()].join(', ') || 'none'}).` });
  if (!isFeed(feed)) return send(res, 404, { error: 'UnknownFeed', message: `No feed ${feed}: the feeds are prices, exog1 and exog2.` });
  const from = query.get('day') ?? query.get('from');
  const to = query.get('day') ?? query.get('to') ?? from;
  if (!from || !to || !DAY.test(from) || !DAY.test(to) || daysBetween(from, to) < 0 || daysBetween(from, to) >= MAX_RANGE_DAYS) {
    return send(res, 400, { error: 'BadRequest', message: `Give ?day=YYYY-MM-DD, or ?from=…&to=… with from ≤ to and at most ${MAX_RANGE_DAYS} days.` });
  }
  const shift = markets.shiftDays(now);
  const days: FeedDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (publicationTime(feed, day) > now) break;
    const fault = faults.faultOf({ market, feed, day, now });
    if (fault === 'outage') return send(res, 503, { error: 'ServiceUnavailable', message: `The ${feed} feed of ${market} is down.` });
    const source = addDays(day, -shift);
    const published = feedDay(data, feed, fault === 'stale' ? addDays(source, -1) : source, day, shift);
    if (published) days.push(published);
  }
  const body: FeedAnswer = { market, feed, series: seriesName(data, feed), days };
  send(res, 200, body);
}

/**
 * File day `source`'s values labelled `day`, published when `source` (served `shift` days later) was:
 * a source before the day's own is a stale answer.
 */
function feedDay(data: MarketData, feed: FeedName, source: string, day: string, shift: number): FeedDay | undefined {
  const index = dayIndexOf(data, source);
  if (index < 0) return undefined;
  const series = feed === 'prices' ? data.price : data.exogenous[feed === 'exog1' ? 0 : 1];
  if (!series) return undefined;
  const values = Array.from({ length: 24 }, (_, hour) => ({ hour, value: series[index * 24 + hour] }));
  return { day, publishedAt: publicationTime(feed, addDays(source, shift)).toISOString(), values };
}

function dayIndexOf(data: MarketData, day: string): number {
  const index = daysBetween(data.days[0] ?? day, day);
  return index >= 0 && index < data.days.length ? index : -1;
}

function seriesName(data: MarketData, feed: FeedName): string {
  return feed === 'prices' ? data.priceColumn : (data.exogenousColumns[feed === 'exog1' ? 0 : 1] ?? '');
}

function describeMarkets(markets: MarketFiles, shift: number): unknown[] {
  return [...markets.files.keys()].map((market) => {
    const data = markets.market(market)!;
    return { market, firstDay: addDays(data.days[0], shift), lastDay: addDays(data.days[data.days.length - 1], shift), series: { prices: data.priceColumn, exog1: data.exogenousColumns[0], exog2: data.exogenousColumns[1] } };
  });
}

async function faultRoute(req: IncomingMessage, res: ServerResponse, faults: FaultTable): Promise<void> {
  if (req.method === 'GET') return send(res, 200, { faults: faults.list() });
  if (req.method === 'DELETE') {
    faults.clear();
    return send(res, 200, { faults: [] });
  }
  if (req.method !== 'POST') return send(res, 405, { error: 'MethodNotAllowed', message: `${req.method} /_feeds/faults` });
  let rule: unknown;
  try {
    rule = JSON.parse(await readText(req));
  } catch {
    return send(res, 400, { error: 'BadRequest', message: 'The body is not JSON.' });
  }
  if (!Value.Check(FaultRule, rule)) {
    const first = Value.Errors(FaultRule, rule).First();
    return send(res, 400, { error: 'BadRequest', message: `Not a fault: ${first ? `${first.path || '/'} ${first.message}` : 'invalid'}.` });
  }
  faults.add(rule);
  send(res, 201, { faults: faults.list() });
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
