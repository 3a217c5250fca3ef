import { and, eq, gt, isPresent, jsonata, lt, matches, not, or, stateRef, type Flow, type Terminal } from '../../../src/builder';
import { DatasetInput } from '../fixtures';
import { renderDocument, renderState } from './render-state';

type Start = Flow<{ dataset: { bucket: string; key: string }; k: number; baselineScore: number }, {}>;

describe('Choice', () => {
  test.each<[string, (start: Start) => Terminal<unknown>, unknown, unknown]>([
    [
      'rules in order, a comment and a default',
      (s) =>
        s.choice(
          'C',
          (c) =>
            c
              .when((x) => gt(x.input.k, 10), (b) => b.succeed('Big'))
              .when((x) => and(eq(x.input.dataset.bucket, 'data'), not(lt(x.input.baselineScore, 0.5))), (b) => b.succeed('Good'))
              .when((x) => or(matches(x.input.dataset.key, 'runs/*.csv'), isPresent(x.input.dataset)), (b) => b.succeed('Csv'))
              .otherwise((b) => b.fail('Other')),
          { comment: 'route' },
        ),
      {
        Type: 'Choice',
        Comment: 'route',
        Choices: [
          { Condition: '{% $states.input.k > 10 %}', Next: 'Big' },
          { Condition: '{% ($states.input.dataset.bucket = "data") and ($not($states.input.baselineScore < 0.5)) %}', Next: 'Good' },
          { Condition: '{% ($contains($states.input.dataset.key, /^runs\\/.*\\.csv$/)) or ($exists($states.input.dataset)) %}', Next: 'Csv' },
        ],
        Default: 'Other',
      },
      {
        Type: 'Choice',
        Comment: 'route',
        Choices: [
          { Variable: '$.k', NumericGreaterThan: 10, Next: 'Big' },
          { And: [{ Variable: '$.dataset.bucket', StringEquals: 'data' }, { Not: { Variable: '$.baselineScore', NumericLessThan: 0.5 } }], Next: 'Good' },
          { Or: [{ Variable: '$.dataset.key', StringMatches: 'runs/*.csv' }, { Variable: '$.dataset', IsPresent: true }], Next: 'Csv' },
        ],
        Default: 'Other',
      },
    ],
    [
      'a rule that assigns, and the default path continuing the flow',
      (s) => s.choice('C', (c) => c.when((x) => eq(x.input.k, 0), { assign: (x) => ({ at: x.context.State.EnteredTime }) }, (b) => b.fail('Zero'))).succeed('NonZero'),
      { Type: 'Choice', Choices: [{ Condition: '{% $states.input.k = 0 %}', Next: 'Zero', Assign: { at: '{% $states.context.State.EnteredTime %}' } }], Default: 'NonZero' },
      { Type: 'Choice', Choices: [{ Variable: '$.k', NumericEquals: 0, Next: 'Zero', Assign: { 'at.$': '$$.State.EnteredTime' } }], Default: 'NonZero' },
    ],
    [
      'a rule that loops back to a declared state',
      (s) => {
        const top = stateRef<{ dataset: { bucket: string; key: string }; k: number; baselineScore: number }>('Top');
        return s.pass(top).choice('C', (c) => c.when((x) => gt(x.input.k, 1), top).otherwise((b) => b.succeed('Done')));
      },
      { Type: 'Choice', Choices: [{ Condition: '{% $states.input.k > 1 %}', Next: 'Top' }], Default: 'Done' },
      { Type: 'Choice', Choices: [{ Variable: '$.k', NumericGreaterThan: 1, Next: 'Top' }], Default: 'Done' },
    ],
  ])('%s', (_name, build, asJsonata, asJsonPath) => {
    expect(renderState(DatasetInput, 'JSONata', build, 'C')).toEqual(asJsonata);
    expect(renderState(DatasetInput, 'JSONPath', build, 'C')).toEqual(asJsonPath);
  });

  test("a rule's output is JSONata only: JSONPath has no OutputPath per rule", () => {
    const build = (s: Start) =>
      s.choice('C', (c) => c.when((x) => eq(x.input.k, 1), { output: (x) => x.input.dataset }, (b) => b.succeed('One')).otherwise((b) => b.fail('Other')));
    expect(renderState(DatasetInput, 'JSONata', build, 'C')).toEqual({
      Type: 'Choice',
      Choices: [{ Condition: '{% $states.input.k = 1 %}', Next: 'One', Output: '{% $states.input.dataset %}' }],
      Default: 'Other',
    });
    expect(() => renderState(DatasetInput, 'JSONPath', build, 'C')).toThrow('state "C": a Choice rule\'s output needs the JSONata query language');
  });

  test('a boolean expression as the condition', () => {
    const build = (s: Start) => s.choice('C', (c) => c.when((x) => jsonata<boolean>`${x.input.k} % 2 = 0`, (b) => b.succeed('Even')).otherwise((b) => b.succeed('Odd')));
    expect(renderState(DatasetInput, 'JSONata', build, 'C')).toEqual({ Type: 'Choice', Choices: [{ Condition: '{% $states.input.k % 2 = 0 %}', Next: 'Even' }], Default: 'Odd' });
    expect(() => renderState(DatasetInput, 'JSONPath', build, 'C')).toThrow('state "C": JSONPath tests a boolean path only');
  });

  test('the rule targets are rendered as states of the same machine', () => {
    const document = renderDocument(DatasetInput, 'JSONata', (s) => s.choice('C', (c) => c.when((x) => gt(x.input.k, 1), (b) => b.pass('Many').end()).otherwise((b) => b.succeed('Few'))));
    expect(document).toEqual({
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.k > 1 %}', Next: 'Many' }], Default: 'Few' },
        Many: { Type: 'Pass', End: true },
        Few: { Type: 'Succeed' },
      },
    });
  });
});
