/**
 * Faults a feed server injects: an outage (the feed answers HTTP 503) or a stale answer (an old
 * `publishedAt` with the day before's values), for a market, a feed and a range of delivery days —
 * always, or for a fraction of requests (`rate`, for backtests). A rated fault is drawn again for
 * each hour of the clock, so a retry an hour later may get through, as it would on a flaky API.
 */
import { createHash } from 'node:crypto';
import { Type, type Static } from '@sinclair/typebox';
import { FEEDS, type FeedName } from './feeds';

export const FaultRule = Type.Object(
  {
    kind: Type.Union([Type.Literal('outage'), Type.Literal('stale')]),
    /** @default every market */
    market: Type.Optional(Type.String({ minLength: 1 })),
    /** @default every feed */
    feed: Type.Optional(Type.Union(FEEDS.map((feed) => Type.Literal(feed)))),
    /** First delivery day concerned, inclusive. @default no bound */
    from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    /** Last delivery day concerned, inclusive. @default no bound */
    to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    /** Fraction of (day, clock hour) pairs faulted, 0..1. @default 1 */
    rate: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    /** Seeds the draw of a rated fault. @default 0 */
    seed: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);
export type FaultRule = Static<typeof FaultRule>;

export type FaultKind = FaultRule['kind'];

export interface FaultQuery {
  readonly market: string;
  readonly feed: FeedName;
  readonly day: string;
  readonly now: Date;
}

/** The faults in force; an outage wins over a stale answer. */
export class FaultTable {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push(rule);
  }

  list(): readonly FaultRule[] {
    return this.rules;
  }

  clear(): void {
    this.rules = [];
  }

  faultOf(query: FaultQuery): FaultKind | undefined {
    const kinds = this.rules.filter((rule) => applies(rule, query)).map((rule) => rule.kind);
    return kinds.includes('outage') ? 'outage' : kinds[0];
  }
}

function applies(rule: FaultRule, { market, feed, day, now }: FaultQuery): boolean {
  if (rule.market !== undefined && rule.market !== market) return false;
  if (rule.feed !== undefined && rule.feed !== feed) return false;
  if ((rule.from !== undefined && day < rule.from) || (rule.to !== undefined && day > rule.to)) return false;
  const rate = rule.rate ?? 1;
  if (rate >= 1) return true;
  const hour = Math.floor(now.getTime() / 3_600_000);
  return draw(`${rule.seed ?? 0}|${rule.kind}|${market}|${feed}|${day}|${hour}`) < rate;
}

/** A uniform number in [0, 1) from a string: the same request at the same hour draws the same. */
function draw(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}
