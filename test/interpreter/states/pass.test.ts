import type { Json, JsonObject } from '../../../src/asl/json';
import { runMachine } from '../run-machine';
import { single } from './support';

test.each<[string, JsonObject, Json, Json]>([
  ['passes its input through', {}, { a: 1 }, { a: 1 }],
  ['Result replaces the input', { Result: { r: true } }, { a: 1 }, { r: true }],
  ['ResultPath merges the Result into the input', { Result: 2, ResultPath: '$.b' }, { a: 1 }, { a: 1, b: 2 }],
  ['Parameters shape the input, with paths and intrinsics', { Parameters: { 'sum.$': 'States.MathAdd($.a, 1)', k: 'v' } }, { a: 1 }, { sum: 2, k: 'v' }],
  ['InputPath and OutputPath select', { InputPath: '$.in', OutputPath: '$.x' }, { in: { x: 7 } }, 7],
])('Pass %s', async (_name, state, input, output) => {
  const run = await runMachine(single({ Type: 'Pass', ...state }), input);
  expect(run).toMatchObject({ status: 'SUCCEEDED', output });
  expect(run.events.map((e) => e.type)).toEqual(['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
});

test('a JSONata Pass evaluates Output and Assign', async () => {
  const run = await runMachine(single({ Type: 'Pass', Assign: { seen: '{% $states.input.a %}' }, Output: '{% $states.input.a * 10 %}' }, { QueryLanguage: 'JSONata' }), { a: 4 });
  expect(run.output).toBe(40);
});
