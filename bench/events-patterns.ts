/**
 * Event-pattern routing throughput: events matched per second against 1,000 and against 10 rules of realistic
 * shapes, through RuleIndex (and, for comparison, a linear scan over the same rules).
 * Run: node bin/run-ts.js bench/events-patterns.ts
 */
import { compileEventPattern, matchesEventPattern, RuleIndex } from '../src/events/patterns';
import { realisticEvents, realisticRules } from '../test/events/patterns/realistic-rules';

const EVENTS = realisticEvents(5_000);

function measure(label: string, route: (event: object) => number, minMillis = 1_000): void {
  let routed = 0;
  let matches = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMillis) {
    for (const event of EVENTS) matches += route(event);
    routed += EVENTS.length;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  }
  const perSecond = Math.round(routed / (elapsed / 1000));
  console.log(`${label.padEnd(34)} ${perSecond.toLocaleString('en-US').padStart(12)} events/s  (${(matches / routed).toFixed(2)} matches/event)`);
}

for (const ruleCount of [1_000, 10]) {
  const rules = realisticRules(ruleCount).map(({ id, pattern }) => ({ id, compiled: compileEventPattern(pattern) }));
  const index = new RuleIndex<string>();
  for (const { id, compiled } of rules) index.add(id, compiled, id);
  measure(`RuleIndex, ${ruleCount} rules`, (event) => index.match(event).length);
  measure(`linear scan, ${ruleCount} rules`, (event) => rules.filter((r) => matchesEventPattern(r.compiled, event)).length, 300);
}
