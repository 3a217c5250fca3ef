import type { StateMachineDefinition } from '../../../src/asl/definition';
import type { JsonObject } from '../../../src/asl/json';
import { runMachine } from '../run-machine';
import { single } from './support';

const branch = (state: JsonObject) => ({ StartAt: 'B', States: { B: state.Type === 'Fail' ? state : { End: true, ...state } } });
const failing = branch({ Type: 'Fail', Error: 'Broken', Cause: 'on purpose' });

test('branch outputs come back in branch order', async () => {
  const run = await runMachine(single({ Type: 'Parallel', Branches: [branch({ Type: 'Pass', Result: 1 }), branch({ Type: 'Pass', Result: 2 })] }), {});
  expect(run).toMatchObject({ status: 'SUCCEEDED', output: [1, 2] });
});

test('a failing branch fails the Parallel with its error', async () => {
  const run = await runMachine(single({ Type: 'Parallel', Branches: [branch({ Type: 'Pass' }), failing] }), {});
  expect(run).toMatchObject({ status: 'FAILED', error: 'Broken', cause: 'on purpose' });
  expect(run.events.map((e) => e.type)).toContain('ParallelStateFailed');
});

test('Catch takes a branch failure, its ResultPath keeping the input', async () => {
  const definition = {
    StartAt: 'S',
    States: {
      S: { Type: 'Parallel', Branches: [failing], Catch: [{ ErrorEquals: ['Broken'], ResultPath: '$.err', Next: 'Done' }], Next: 'Done' },
      Done: { Type: 'Pass', End: true },
    },
  } as unknown as StateMachineDefinition;
  const run = await runMachine(definition, { a: 1 });
  expect(run).toMatchObject({ status: 'SUCCEEDED', output: { a: 1, err: { Error: 'Broken', Cause: 'on purpose' } } });
});
