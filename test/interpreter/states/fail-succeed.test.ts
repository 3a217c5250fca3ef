import type { JsonObject } from '../../../src/asl/json';
import { runMachine } from '../run-machine';
import { single } from './support';

test.each<[JsonObject, JsonObject, { error?: string; cause?: string }]>([
  [{ Error: 'Custom', Cause: 'because' }, {}, { error: 'Custom', cause: 'because' }],
  [{ ErrorPath: '$.e', CausePath: '$.c' }, { e: 'FromInput', c: 'why' }, { error: 'FromInput', cause: 'why' }],
  [{}, {}, { error: undefined, cause: undefined }],
])('Fail %j ends the execution FAILED', async (state, input, expected) => {
  const run = await runMachine(single({ Type: 'Fail', ...state }), input);
  expect(run.status).toBe('FAILED');
  expect({ error: run.error, cause: run.cause }).toEqual(expected);
});

test('Succeed ends the execution with its (OutputPath-selected) input', async () => {
  expect(await runMachine(single({ Type: 'Succeed', OutputPath: '$.keep' }), { keep: [1], drop: 2 })).toMatchObject({ status: 'SUCCEEDED', output: [1] });
});
