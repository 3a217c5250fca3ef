/** The index must give exactly the answers of testing every rule in turn. */
import { compileEventPattern, matchesEventPattern, RuleIndex, type CompiledPattern } from '../../../src/events/patterns';
import { seededRandom } from '../../../src/services';
import { randomEvent, randomPattern } from './random-rules';
import { realisticEvents, realisticRules } from './realistic-rules';

interface Rule {
  id: string;
  compiled: CompiledPattern;
}

function linearScan(rules: Rule[], event: object): string[] {
  return rules.filter(({ compiled }) => matchesEventPattern(compiled, event)).map(({ id }) => id);
}

function randomRules(random: () => number, count: number, prefix: string): Rule[] {
  const rules: Rule[] = [];
  while (rules.length < count) {
    try {
      rules.push({ id: `${prefix}${rules.length}`, compiled: compileEventPattern(randomPattern(random)) });
    } catch {
      // A pattern AWS would reject is simply not a rule.
    }
  }
  return rules;
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

  it('finds prefix rules of every prefix length, including the empty prefix', () => {
    const index = new RuleIndex<string>();
    index.add('empty', compileEventPattern('{"k": [{"prefix": ""}]}'), 'empty');
    index.add('ab', compileEventPattern('{"k": [{"prefix": "ab"}, "x"]}'), 'ab');
    index.add('abcd', compileEventPattern('{"k": [{"prefix": "abcd"}]}'), 'abcd');
    expect(index.match({ k: 'abcde' })).toEqual(['empty', 'ab', 'abcd']);
    expect(index.match({ k: 'x' })).toEqual(['empty', 'ab']);
    expect(index.match({ k: '' })).toEqual(['empty']);
    expect(index.match({ k: 1 })).toEqual([]);
  });

  it('still matches anchored fields within one array element', () => {
    const index = new RuleIndex<string>();
    index.add('item', compileEventPattern('{"items": {"name": ["x"], "size": [2]}}'), 'item');
    expect(index.match({ items: [{ name: 'x', size: 1 }, { name: 'y', size: 2 }] })).toEqual([]);
    expect(index.match({ items: [{ name: 'y', size: 1 }, { name: 'x', size: 2 }] })).toEqual(['item']);
  });

  it('ignores events that are not objects', () => {
    const index = new RuleIndex<number>();
    index.add('any', compileEventPattern('{"a": [{"exists": false}]}'), 1);
    expect(index.match('text')).toEqual([]);
    expect(index.match({})).toEqual([1]);
  });
});

describe('RuleIndex against a linear scan, randomized', () => {
  it.each([1, 2, 3, 4])('agrees on 300 random rules and 300 random events (seed %i)', (seed) => {
    const random = seededRandom(seed);
    const rules = randomRules(random, 300, 'r');
    const index = new RuleIndex<string>();
    for (const { id, compiled } of rules) index.add(id, compiled, id);
    const disagreements: object[] = [];
    let matches = 0;
    for (let i = 0; i < 300; i++) {
      const event = randomEvent(random);
      const expected = linearScan(rules, event);
      const matched = index.match(event);
      if (matched.join() !== expected.join()) disagreements.push({ event, matched, expected });
      matches += expected.length;
    }
    expect(disagreements.slice(0, 3)).toEqual([]);
    expect(matches).toBeGreaterThan(300);
  });

  it('stays equal through removals, re-adds and replacements that free and reuse paths', () => {
    const random = seededRandom(99);
    let live = randomRules(random, 200, 'r');
    const index = new RuleIndex<string>();
    for (const { id, compiled } of live) index.add(id, compiled, id);
    for (let round = 0; round < 6; round++) {
      const removed = live.filter(() => random() < 0.5);
      for (const { id } of removed) expect(index.remove(id)).toBe(true);
      live = live.filter((rule) => !removed.includes(rule));
      const replacements = randomRules(random, 60, `r`).map((rule, i) => ({ ...rule, id: removed[i]?.id ?? `new-${round}-${i}` }));
      for (const { id, compiled } of replacements) index.add(id, compiled, id);
      // A re-added id keeps its position in the scan only through the order it was added in, as the index does.
      live = [...live.filter((rule) => !replacements.some((r) => r.id === rule.id)), ...replacements];
      expect(index.size).toBe(live.length);
      const disagreements = Array.from({ length: 100 }, () => randomEvent(random))
        .filter((event) => index.match(event).join() !== linearScan(live, event).join());
      expect(disagreements.slice(0, 3)).toEqual([]);
    }
  });
});
