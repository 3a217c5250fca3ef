import { defineWorkflow, jsonata } from '../../src/builder';
import { aslProblems } from './asl-validity';
import { DatasetInput } from './fixtures';

describe('Pass, Wait, Succeed and Fail in JSONata', () => {
  const workflow = defineWorkflow({ name: 'simple', input: DatasetInput, comment: 'simple states', timeoutSeconds: 600 }, (start) =>
    start
      .pass('Shape', {
        comment: 'keep what the next states need',
        output: (s) => ({ bucket: s.input.dataset.bucket, first: s.input.dataset['key'], folds: jsonata<number>`${s.input.k} * 2`, tag: 'v1' }),
        assign: (s) => ({ execution: s.context.Execution.Id, k: s.input.k }),
      })
      .pass('Unchanged')
      .wait('Pause', { seconds: 5 })
      .wait('PauseFor', { seconds: (s) => s.vars.k })
      .wait('Until', { timestamp: '2030-01-01T00:00:00Z', output: (s) => ({ bucket: s.input.bucket }) })
      .succeed('Done', { output: (s) => ({ bucket: s.input.bucket, execution: s.vars.execution }) }),
  );

  test('renders the whole document', () => {
    expect(workflow.definition()).toEqual({
      Comment: 'simple states',
      QueryLanguage: 'JSONata',
      StartAt: 'Shape',
      States: {
        Shape: {
          Type: 'Pass',
          Comment: 'keep what the next states need',
          Output: {
            bucket: '{% $states.input.dataset.bucket %}',
            first: '{% $states.input.dataset.key %}',
            folds: '{% $states.input.k * 2 %}',
            tag: 'v1',
          },
          Assign: { execution: '{% $states.context.Execution.Id %}', k: '{% $states.input.k %}' },
          Next: 'Unchanged',
        },
        Unchanged: { Type: 'Pass', Next: 'Pause' },
        Pause: { Type: 'Wait', Seconds: 5, Next: 'PauseFor' },
        PauseFor: { Type: 'Wait', Seconds: '{% $k %}', Next: 'Until' },
        Until: { Type: 'Wait', Timestamp: '2030-01-01T00:00:00Z', Output: { bucket: '{% $states.input.bucket %}' }, Next: 'Done' },
        Done: { Type: 'Succeed', Output: { bucket: '{% $states.input.bucket %}', execution: '{% $execution %}' } },
      },
      TimeoutSeconds: 600,
    });
  });

  test('passes asl-validator', () => {
    expect(aslProblems(workflow.definition())).toBe('');
  });

  test('Fail takes a literal or computed error and cause', () => {
    const failing = defineWorkflow({ name: 'failing', input: DatasetInput }, (start) =>
      start.fail('Failed', { error: 'DatasetInvalid', cause: (s) => jsonata<string>`"bucket " & ${s.input.dataset.bucket} & " is empty"` }),
    );
    expect(failing.definition()).toEqual({
      QueryLanguage: 'JSONata',
      StartAt: 'Failed',
      States: { Failed: { Type: 'Fail', Error: 'DatasetInvalid', Cause: '{% "bucket " & $states.input.dataset.bucket & " is empty" %}' } },
    });
    expect(aslProblems(failing.definition())).toBe('');
  });

  test('a literal string shaped like an expression stays a literal', () => {
    const quoting = defineWorkflow({ name: 'quoting', input: DatasetInput }, (start) =>
      start.pass('Quote', { output: () => ({ text: '{% not an expression %}', odd: 1 }) }).end(),
    );
    expect(quoting.definition().States.Quote).toEqual({
      Type: 'Pass',
      Output: { text: '{% "{% not an expression %}" %}', odd: 1 },
      End: true,
    });
  });

  test('field names that are not identifiers are quoted in paths', () => {
    const quoted = defineWorkflow({ name: 'quoted', input: DatasetInput }, (start) =>
      start.pass('Odd', { output: (s) => ({ v: (s.input as unknown as Record<string, { items: string[] }>)['odd-name']!.items[2] }) }).end(),
    );
    expect(quoted.definition().States.Odd).toEqual({ Type: 'Pass', Output: { v: '{% $states.input.`odd-name`.items[2] %}' }, End: true });
  });
});
