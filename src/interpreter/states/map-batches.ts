/**
 * ItemBatcher: groups items into batches `{Items: [...], BatchInput?}`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html
 */
import type { MapState } from '../../asl/definition';
import type { Json } from '../../asl/json';

export function batchItems(state: MapState, items: Json[]): Json[] {
  const batcher = state.ItemBatcher;
  if (!batcher) return items;
  const maxItems = typeof batcher.MaxItemsPerBatch === 'number' ? batcher.MaxItemsPerBatch : Infinity;
  const maxBytes = typeof batcher.MaxInputBytesPerBatch === 'number' ? batcher.MaxInputBytesPerBatch : 256 * 1024;
  const batches: Json[] = [];
  let current: Json[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = Buffer.byteLength(JSON.stringify(item));
    if (current.length > 0 && (current.length >= maxItems || bytes + size > maxBytes)) {
      batches.push(batch(current, batcher.BatchInput));
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(batch(current, batcher.BatchInput));
  return batches;
}

function batch(items: Json[], batchInput: Json | undefined): Json {
  return batchInput === undefined ? { Items: items } : { BatchInput: batchInput, Items: items };
}
