import { VirtualClock, WallClock } from '../../src/clock/clock';
import { Engine } from '../../src/control';

const ROLE = 'arn:aws:iam::000000000000:role/r';
const ARN = (name: string) => `arn:aws:states:us-east-1:000000000000:stateMachine:${name}`;
const START = Date.UTC(2026, 0, 1);

describe('states:startExecution through the engine', () => {
  let engine: Engine;
  beforeEach(() => {
    engine = new Engine({ clock: new VirtualClock(START), lambda: { invoke: () => Promise.reject(new Error('no lambda')) } });
    engine.createStateMachine({ name: 'double', roleArn: ROLE, definition: JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'D', States: { D: { Type: 'Pass', Output: { n: '{% $states.input.n * 2 %}' }, End: true } } }) });
    engine.createStateMachine({ name: 'broken', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'ChildBroke', Cause: 'on purpose' } } }) });
    engine.createStateMachine({ name: 'slow', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } }) });
  });
  afterEach(() => engine.close());

  async function runParent(name: string, resource: string, child: string, extra: object = {}): Promise<ReturnType<Engine['describeExecution']>> {
    engine.createStateMachine({
      name,
      roleArn: ROLE,
      definition: JSON.stringify({
        StartAt: 'Child',
        States: { Child: { Type: 'Task', Resource: `arn:aws:states:::states:${resource}`, Parameters: { StateMachineArn: ARN(child), Input: { n: 21 }, ...extra }, End: true } },
      }),
    });
    const { executionArn } = engine.startExecution({ stateMachineArn: ARN(name), name: 'run' });
    await engine.waitForExecution(executionArn!);
    return engine.describeExecution({ executionArn });
  }

  test('.sync:2 answers with the child’s input and output parsed', async () => {
    const parent = await runParent('parent2', 'startExecution.sync:2', 'double');
    expect(parent.status).toBe('SUCCEEDED');
    const output = JSON.parse(parent.output!);
    expect(output).toEqual({
      ExecutionArn: expect.stringMatching(/^arn:aws:states:us-east-1:000000000000:execution:double:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      Input: { n: 21 },
      InputDetails: { Included: true },
      Name: expect.any(String),
      RedriveCount: 0,
      StartDate: START,
      StopDate: START,
      StateMachineArn: ARN('double'),
      Status: 'SUCCEEDED',
      Output: { n: 42 },
      OutputDetails: { Included: true },
    });
    expect(engine.listExecutions({ stateMachineArn: ARN('double') }).executions).toHaveLength(1);
  });

  test('.sync answers with input and output as JSON text', async () => {
    const output = JSON.parse((await runParent('parent1', 'startExecution.sync', 'double')).output!);
    expect(output).toMatchObject({ Input: '{"n":21}', Output: '{"n":42}', Status: 'SUCCEEDED' });
  });

  test('without .sync the child is started and the parent goes on', async () => {
    const output = JSON.parse((await runParent('parentAsync', 'startExecution', 'slow', { Name: 'named-child' })).output!);
    expect(output).toEqual({ ExecutionArn: 'arn:aws:states:us-east-1:000000000000:execution:slow:named-child', StartDate: START });
    expect(engine.describeExecution({ executionArn: output.ExecutionArn }).status).toBe('RUNNING');
  });

  test('a failed child fails the task with States.TaskFailed and the child’s description as cause', async () => {
    const parent = await runParent('parentFails', 'startExecution.sync:2', 'broken');
    expect(parent).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
    expect(JSON.parse(parent.cause!)).toMatchObject({ Status: 'FAILED', Error: 'ChildBroke', Cause: 'on purpose', StateMachineArn: ARN('broken') });
  });

  test('a child machine that does not exist is StepFunctions.StateMachineDoesNotExistException', async () => {
    const parent = await runParent('parentMissing', 'startExecution.sync:2', 'nope');
    expect(parent).toMatchObject({ status: 'FAILED', error: 'StepFunctions.StateMachineDoesNotExistException', cause: `State Machine Does Not Exist: '${ARN('nope')}'` });
  });

  test('a child name already taken is StepFunctions.ExecutionAlreadyExistsException', async () => {
    engine.startExecution({ stateMachineArn: ARN('double'), name: 'taken', input: '{"n":0}' });
    const parent = await runParent('parentTaken', 'startExecution.sync:2', 'double', { Name: 'taken' });
    expect(parent).toMatchObject({ status: 'FAILED', error: 'StepFunctions.ExecutionAlreadyExistsException' });
  });

  test('stopping the parent stops a child it waits for', async () => {
    // Wall time, so that the child's hour-long Wait cannot pass while the test looks for the child.
    engine.close();
    engine = new Engine({ clock: new WallClock(), lambda: { invoke: () => Promise.reject(new Error('no lambda')) } });
    engine.createStateMachine({ name: 'slow', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } }) });
    engine.createStateMachine({
      name: 'waiter',
      roleArn: ROLE,
      definition: JSON.stringify({ StartAt: 'Child', States: { Child: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: ARN('slow') }, End: true } } }),
    });
    const { executionArn } = engine.startExecution({ stateMachineArn: ARN('waiter'), name: 'w' });
    let child: string | undefined;
    while (!child) {
      child = engine.listExecutions({ stateMachineArn: ARN('slow') }).executions?.[0]?.executionArn;
      if (!child) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await engine.stopExecution({ executionArn });
    await engine.waitForExecution(child);
    expect(engine.describeExecution({ executionArn: child })).toMatchObject({ status: 'ABORTED', error: 'States.Aborted', cause: 'The parent execution was stopped' });
  });
});
