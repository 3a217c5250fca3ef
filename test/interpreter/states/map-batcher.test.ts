/** ItemBatcher's path and JSONata forms, resolved against the Map's input. */
import type { StateMachineDefinition } from '../../../src/asl/definition';
import type { Json, JsonObject } from '../../../src/asl/json';
import { runMachine } from '../run-machine';

function batching(batcher: JsonObject, extra: JsonObject = {}): StateMachineDefinition {
  return {
    StartAt: 'Map',
    States: {
      Map: {
        Type: 'Map',
        ItemBatcher: batcher,
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } },
        End: true,
        ...extra,
      },
    },
  } as unknown as StateMachineDefinition;
}

test.each<[string, JsonObject, JsonObject, Json]>([
  [
    'JSONPath: MaxItemsPerBatchPath and a BatchInput with paths',
    { MaxItemsPerBatchPath: '$.size', BatchInput: { 'run.$': '$.run', fixed: 1 } },
    { ItemsPath: '$.items' },
    [
      { BatchInput: { run: 'r1', fixed: 1 }, Items: [1, 2] },
      { BatchInput: { run: 'r1', fixed: 1 }, Items: [3] },
    ],
  ],
  [
    'JSONata: MaxItemsPerBatch and BatchInput as expressions',
    { MaxItemsPerBatch: '{% $states.input.size %}', BatchInput: { run: '{% $states.input.run %}' } },
    { QueryLanguage: 'JSONata', Items: '{% $states.input.items %}' },
    [
      { BatchInput: { run: 'r1' }, Items: [1, 2] },
      { BatchInput: { run: 'r1' }, Items: [3] },
    ],
  ],
])('%s', async (_name, batcher, extra, output) => {
  const run = await runMachine(batching(batcher, extra), { items: [1, 2, 3], size: 2, run: 'r1' });
  expect(run).toMatchObject({ status: 'SUCCEEDED', output });
});

test('a batch size that is not a positive integer fails the Map with States.Runtime', async () => {
  const run = await runMachine(batching({ MaxItemsPerBatchPath: '$.size' }, { ItemsPath: '$.items' }), { items: [1], size: 0 });
  expect(run).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  expect(run.cause).toContain("The ItemBatcher field 'MaxItemsPerBatch' must be a positive integer, but was: 0");
});
