/** The index must give exactly the answers of testing every rule in turn. */
import { compileEventPattern, matchesEventPattern, RuleIndex, type CompiledPattern } from '../../../src/events/patterns';
import { realisticEvents, realisticRules } from './realistic-rules';

function linearScan(rules: { id: string; compiled: CompiledPattern }[], event: object): string[] {
  return rules.filter(({ compiled }) => matchesEventPattern(compiled, event)).map(({ id }) => id);
}

describe('RuleIndex', () => {
  const rules = realisticRules(300).map(({ id, pattern }) => ({ id, compiled: compileEventPattern(pattern) }));
  const events = realisticEvents(300);

  it('returns the same rules as a linear scan, in insertion order', () => {
    const index = new RuleIndex<string>();
    for (const { id, compiled } of rules) index.add(id, compiled, id);
    let matchedSomething = 0;
    for (const event of events) {
      const expected = linearScan(rules, event);
      expect(index.match(event)).toEqual(expected);
      if (expected.length > 0) matchedSomething++;
    }
    expect(matchedSomething).toBeGreaterThan(events.length / 3);
  });

  it('forgets removed rules and replaces re-added ids', () => {
    const index = new RuleIndex<string>();
    for (const { id, compiled } of rules) index.add(id, compiled, id);
    const kept = rules.filter((_, i) => i % 3 !== 0);
    for (const [i, { id }] of rules.entries()) if (i % 3 === 0) expect(index.remove(id)).toBe(true);
    expect(index.remove('rule-0')).toBe(false);
    for (const event of events.slice(0, 100)) expect(index.match(event)).toEqual(linearScan(kept, event));
    index.add('rule-1', compileEventPattern('{"source": ["nothing"]}'), 'replaced');
    expect(index.size).toBe(kept.length);
    expect(index.match({ source: 'nothing' })).toEqual(['replaced']);
  });

  it('indexes $or rules under each alternative', () => {
    const index = new RuleIndex<string>();
    index.add('or', compileEventPattern('{"$or": [{"source": ["a"]}, {"source": ["b"], "detail-type": ["x"]}]}'), 'or');
    expect(index.match({ source: 'b', 'detail-type': 'x' })).toEqual(['or']);
    expect(index.match({ source: 'a' })).toEqual(['or']);
    expect(index.match({ source: 'b' })).toEqual([]);
  });

  it('ignores events that are not objects', () => {
    const index = new RuleIndex<number>();
    index.add('any', compileEventPattern('{"a": [{"exists": false}]}'), 1);
    expect(index.match('text')).toEqual([]);
    expect(index.match({})).toEqual([1]);
  });
});
