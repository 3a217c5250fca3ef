import type { Json, JsonObject } from '../../../src/asl/json';
import { batchItems, batchStream } from '../../../src/interpreter/states/map-batches';

const items = Array.from({ length: 7 }, (_, i) => ({ i }));

test.each<[string, JsonObject | undefined, number[]]>([
  ['no ItemBatcher: the items themselves', undefined, []],
  ['MaxItemsPerBatch', { MaxItemsPerBatch: 3 }, [3, 3, 1]],
  ['MaxInputBytesPerBatch (each item is 7 bytes of JSON)', { MaxInputBytesPerBatch: 15 }, [2, 2, 2, 1]],
  ['both: whichever fills first', { MaxItemsPerBatch: 3, MaxInputBytesPerBatch: 15 }, [2, 2, 2, 1]],
])('%s', async (_name, batcher, sizes) => {
  const batches = batchItems(batcher, items);
  if (!batcher) {
    expect(batches).toEqual(items);
    return;
  }
  expect(batches.map((b) => (b as { Items: Json[] }).Items.length)).toEqual(sizes);
  // Streamed in uneven chunks, the batches are the same.
  const chunks = [items.slice(0, 2), items.slice(2, 3), items.slice(3)][Symbol.iterator]();
  const streamed: Json[] = [];
  for await (const b of batchStream(batcher, { next: async () => chunks.next() })) streamed.push(b);
  expect(streamed).toEqual(batches);
});

test('BatchInput is added to every batch', () => {
  const batches = batchItems({ MaxItemsPerBatch: 4, BatchInput: { run: 'x' } }, items);
  expect(batches[0]).toEqual({ BatchInput: { run: 'x' }, Items: items.slice(0, 4) });
});
