/**
 * Event-pattern matching throughput: events matched per second against 1,000 and against 10 rules of
 * realistic shapes (`test/events/patterns/realistic-rules.ts`), through the bus's RuleIndex and, for
 * comparison, a linear scan of the same compiled rules.
 *
 * Rounds are interleaved (every matcher once per round, for a fixed time each), so that load from other
 * processes falls on all of them alike; one unmeasured round first warms the JIT up.
 */
import { compileEventPattern, matchesEventPattern, RuleIndex } from '../src/events/patterns';
import { realisticEvents, realisticRules } from '../test/events/patterns/realistic-rules';
import { pick, type Statistic } from './measure';
import { formatRate, renderTable } from './table';

const TARGET_EVENTS_PER_SECOND = 100_000;
const TARGET_RULES = 1_000;
const RULE_COUNTS = [TARGET_RULES, 10];
const EVENT_COUNT = 5_000;
/** Events between clock reads: small enough that a slow matcher still stops near its time. */
const CHUNK = 100;
/** Events on which both matchers must find the same rules before anything is timed. */
const AGREEMENT_EVENTS = 500;

interface Matcher {
  ruleCount: number;
  /** The ids of the rules the event matches. */
  match(event: object): readonly string[];
  /** Where in the events its next round starts: each round continues the cycle. */
  next: number;
  rates: number[];
}

export class MatchersDisagree extends Error {}

export interface PatternOptions {
  rounds: number;
  statistic: Statistic;
  /** How long each matcher runs in each round. */
  roundMillis: number;
}

export function measurePatternThroughput({ rounds, statistic, roundMillis }: PatternOptions): void {
  const events = realisticEvents(EVENT_COUNT);
  const pairs = RULE_COUNTS.map((count) => matchersFor(count));
  const matchesPerEvent = pairs.map((pair) => checkAgreement(pair, events.slice(0, AGREEMENT_EVENTS)));
  const matchers = pairs.flat();
  for (const matcher of matchers) run(matcher, events, roundMillis);
  for (let round = 0; round < rounds; round++) for (const matcher of matchers) matcher.rates.push(run(matcher, events, roundMillis));
  for (const matcher of matchers) matcher.rates.sort((a, b) => a - b);

  console.log(`\nPattern matching: events/s, ${statistic} of ${rounds} interleaved rounds of ${roundMillis} ms per matcher, after one warm-up round`);
  console.log(`${EVENT_COUNT.toLocaleString('en')} realistic events, cycled. Target: RuleIndex ≥ ${formatRate(TARGET_EVENTS_PER_SECOND)} events/s with ${formatRate(TARGET_RULES)} rules\n`);
  const rows = pairs.map(([index, linear], i) => {
    const [indexRate, linearRate] = [pick(index.rates, statistic), pick(linear.rates, statistic)];
    const target = index.ruleCount === TARGET_RULES ? (indexRate >= TARGET_EVENTS_PER_SECOND ? '✓' : '✗') : '';
    return [formatRate(index.ruleCount), formatRate(indexRate), formatRate(linearRate), `${(indexRate / linearRate).toFixed(1)}×`, matchesPerEvent[i].toFixed(2), target];
  });
  console.log(renderTable(['rules', 'RuleIndex events/s', 'linear scan events/s', 'index/linear', 'matches/event', 'target'], rows));
}

/** RuleIndex, then the linear scan, over the same compiled rules. */
function matchersFor(ruleCount: number): [Matcher, Matcher] {
  const rules = realisticRules(ruleCount).map(({ id, pattern }) => ({ id, compiled: compileEventPattern(pattern) }));
  const index = new RuleIndex<string>();
  for (const { id, compiled } of rules) index.add(id, compiled, id);
  return [
    { ruleCount, match: (event) => index.match(event), next: 0, rates: [] },
    { ruleCount, match: (event) => rules.filter((rule) => matchesEventPattern(rule.compiled, event)).map((rule) => rule.id), next: 0, rates: [] },
  ];
}

/** A matcher that finds other rules than the linear scan would be measuring something else. */
function checkAgreement([index, linear]: [Matcher, Matcher], events: object[]): number {
  let matches = 0;
  for (const [i, event] of events.entries()) {
    const [found, expected] = [[...index.match(event)].sort(), [...linear.match(event)].sort()];
    if (found.join('\n') !== expected.join('\n')) {
      throw new MatchersDisagree(`RuleIndex and the linear scan disagree on realistic event ${i} with ${index.ruleCount} rules: [${found.join(', ')}] vs [${expected.join(', ')}]`);
    }
    matches += found.length;
  }
  return matches / events.length;
}

/** Events matched per second over at least `millis`. */
function run(matcher: Matcher, events: object[], millis: number): number {
  let routed = 0;
  const started = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < millis) {
    for (let i = 0; i < CHUNK; i++) matcher.match(events[(matcher.next + i) % events.length]);
    matcher.next = (matcher.next + CHUNK) % events.length;
    routed += CHUNK;
    elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  }
  return routed / (elapsed / 1000);
}
