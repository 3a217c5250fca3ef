import { detailsOf, runDefinition, shape } from './run-definition';

const fail = (name: string) => ({ [name]: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:boom', End: true } });
const boom = () => {
  throw new Error('unused');
};

describe('assignedVariables in the Exited event', () => {
  test.each([
    ['an empty Assign shows none', {}, undefined],
    ['a literal list and object keep their JSON text', { l: [1, [2, null], ''], o: { a: {} } }, { l: '[1,[2,null],""]', o: '{"a":{}}' }],
  ])('%s', async (_name, assign, expected) => {
    const { events } = await runDefinition({ StartAt: 'S', States: { S: { Type: 'Pass', Assign: assign, End: true } } });
    expect(detailsOf(events.find((e) => e.type === 'PassStateExited')).assignedVariables).toEqual(expected);
  });
});

describe('EvaluationFailed links', () => {
  test.each([
    ['a Wait to its Entered event (it evaluates once entered)', { Type: 'Wait', Timestamp: "{% 'not a date' %}", End: true }, ['1:ExecutionStarted<0', '2:WaitStateEntered<0', '3:EvaluationFailed<2', '4:ExecutionFailed<3']],
    ['a Pass past its Entered event', { Type: 'Pass', Output: '{% $nothing %}', End: true }, ['1:ExecutionStarted<0', '2:PassStateEntered<0', '3:EvaluationFailed<0', '4:ExecutionFailed<3']],
  ])('%s', async (_name, state, expected) => {
    const { events } = await runDefinition({ QueryLanguage: 'JSONata', StartAt: 'S', States: { S: state } });
    expect(shape(events)).toEqual(expected);
  });
});

describe('states still open when a Parallel state stops its branches are recorded as aborted', () => {
  const parallel = (branches: unknown[]) => ({
    StartAt: 'Par',
    States: { Par: { Type: 'Parallel', Branches: branches, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }], End: true }, Done: { Type: 'Succeed' } },
  });
  const types = async (definition: unknown) => (await runDefinition(definition, {}, { functions: { boom } })).events.map((e) => String(e.type));

  test('the failing Task itself, before ParallelStateFailed', async () => {
    const seen = await types(parallel([{ StartAt: 'T', States: fail('T') }]));
    expect(seen.slice(seen.indexOf('LambdaFunctionFailed'))).toEqual(['LambdaFunctionFailed', 'TaskStateAborted', 'ParallelStateFailed', 'ParallelStateExited', 'SucceedStateEntered', 'SucceedStateExited', 'ExecutionSucceeded']);
  });

  test('a sibling branch that is still waiting', async () => {
    const seen = await types(parallel([{ StartAt: 'T', States: fail('T') }, { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 60, End: true } } }]));
    expect(seen).toContain('WaitStateAborted');
    expect(seen.filter((t) => t.endsWith('Aborted')).sort()).toEqual(['TaskStateAborted', 'WaitStateAborted']);
  });

  test('not a Fail state, which has ended its branch', async () => {
    const seen = await types(parallel([{ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E' } } }]));
    expect(seen.filter((t) => t.endsWith('Aborted'))).toEqual([]);
  });

  test('not a failing Task outside any Parallel', async () => {
    const seen = await types({ StartAt: 'T', States: fail('T') });
    expect(seen.filter((t) => t.endsWith('Aborted'))).toEqual([]);
  });
});
