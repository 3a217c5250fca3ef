/**
 * A distributed Map pulls its dataset as it goes: what has been read when a child runs is bounded
 * by the batches in flight, not by the file; EXPRESS children leave no history behind.
 */
import type { StateMachineDefinition } from '../../../src/asl/definition';
import type { Json } from '../../../src/asl/json';
import type { ItemSource, ListedObject } from '../../../src/interpreter/integrations/services';
import { ItemSourceError } from '../../../src/interpreter/integrations/services';
import { EXECUTION_ARN, lambdaOf, runMachine } from '../run-machine';

/** A JSONL file of `lines` items, served one line per chunk, counting the chunks read so far. */
function countingSource(lines: number): ItemSource & { chunksRead: number } {
  const source = {
    chunksRead: 0,
    async *readObject(): AsyncGenerator<Uint8Array> {
      for (let i = 0; i < lines; i++) {
        source.chunksRead++;
        yield Buffer.from(`{"n":${i}}\n`);
      }
    },
    async *listObjects(): AsyncGenerator<ListedObject> {
      throw new ItemSourceError('NoSuchBucket', 'The specified bucket does not exist', 404);
    },
  };
  return source;
}

function machine(concurrency: number, executionType: 'EXPRESS' | 'STANDARD'): StateMachineDefinition {
  return {
    StartAt: 'Map',
    States: {
      Map: {
        Type: 'Map',
        ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSONL' }, Parameters: { Bucket: 'b', Key: 'k.jsonl' } },
        ItemBatcher: { MaxItemsPerBatch: 10 },
        MaxConcurrency: concurrency,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: executionType },
          StartAt: 'Work',
          States: { Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:work', End: true } },
        },
        End: true,
      },
    },
  } as unknown as StateMachineDefinition;
}

test.each([1, 4])('with MaxConcurrency %i, a child runs when little more than the batches in flight has been read', async (concurrency) => {
  const source = countingSource(10_000);
  const readAhead: number[] = [];
  const lambda = lambdaOf((_name, payload) => {
    const first = ((payload as { Items: { n: number }[] }).Items[0]).n;
    readAhead.push(source.chunksRead - first);
    return null;
  });
  const run = await runMachine(machine(concurrency, 'EXPRESS'), {}, { services: { items: source, lambda } });
  expect(run.status).toBe('SUCCEEDED');
  expect(readAhead).toHaveLength(1_000);
  // Each worker holds one batch of 10 and the reader at most the batch it is filling.
  expect(Math.max(...readAhead)).toBeLessThanOrEqual((concurrency + 1) * 10);
});

test.each<['EXPRESS' | 'STANDARD', number]>([
  ['EXPRESS', 0],
  ['STANDARD', 3],
])('%s children record %i histories of their own', async (type, histories) => {
  const run = await runMachine(machine(2, type), {}, { services: { items: countingSource(30), lambda: lambdaOf((): Json => null) } });
  expect(run.status).toBe('SUCCEEDED');
  const children = [...run.sink.events.keys()].filter((arn) => arn !== EXECUTION_ARN);
  expect(children).toHaveLength(histories);
});
