/**
 * Every recorded TestEventPattern case, run through `testEventPattern`. A case listed in known-failures.json
 * (id → reason) is expected to disagree; the suite fails if it starts agreeing, so the list cannot go stale.
 */
import knownFailures from './known-failures.json';
import { agrees, loadCorpus, run } from './corpus';

const cases = loadCorpus();
const known: Record<string, string> = knownFailures;

describe('EventBridge pattern corpus', () => {
  const outcomes = cases.map((testCase) => ({ testCase, outcome: run(testCase) }));

  it.each(outcomes.map(({ testCase, outcome }) => [testCase.id, testCase, outcome] as const))(
    '%s',
    (id, testCase, outcome) => {
      if (known[id] !== undefined) {
        expect(agrees(testCase, outcome)).toBe(false);
        return;
      }
      if (testCase.expect === 'error') {
        expect(outcome).toMatchObject({ expect: 'error', errorCode: testCase.errorCode, errorMessage: testCase.errorMessage });
      } else {
        expect(outcome).toEqual({ expect: testCase.expect });
      }
    },
  );

  it('lists only cases that exist', () => {
    const ids = new Set(cases.map((c) => c.id));
    expect(Object.keys(known).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('reports pass counts', () => {
    const answers = outcomes.filter(({ testCase }) => testCase.expect !== 'error');
    const errors = outcomes.filter(({ testCase }) => testCase.expect === 'error');
    const rawExact = errors.filter(({ testCase, outcome }) =>
      outcome.expect === 'error' && outcome.errorMessageRaw === testCase.errorMessageRaw);
    const count = (list: typeof outcomes) => list.filter(({ testCase, outcome }) => agrees(testCase, outcome)).length;
    console.log([
      `match/nomatch answers: ${count(answers)}/${answers.length}`,
      `error code + first message line: ${count(errors)}/${errors.length}`,
      `full error text incl. parser position: ${rawExact.length}/${errors.length}`,
    ].join('\n'));
    expect(count(answers)).toBe(answers.length);
    expect(count(errors)).toBeGreaterThanOrEqual(Math.ceil(errors.length * 0.95));
  });
});
