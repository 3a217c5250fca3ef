/**
 * ItemBatcher: groups items into batches `{Items: [...], BatchInput?}`, from an array or, lazily,
 * from a dataset being read (only the batch being filled is held).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html
 */
import type { Json, JsonObject } from '../../asl/json';

/** AWS caps a batch at 256 KiB of input. */
const MAX_BATCH_BYTES = 256 * 1024;

/** `batcher` holds literal values (see resolveBatcher); without one the items are not batched. */
export function batchItems(batcher: JsonObject | undefined, items: Json[]): Json[] {
  if (!batcher) return items;
  const batches: Json[] = [];
  const filler = new BatchFiller(batcher);
  for (const item of items) {
    const full = filler.add(item);
    if (full) batches.push(full);
  }
  const last = filler.flush();
  if (last) batches.push(last);
  return batches;
}

/** The same batches as batchItems (or the items themselves), pulled one at a time from arrays of items as they are read. */
export async function* batchStream(batcher: JsonObject | undefined, chunks: AsyncIterator<Json[]>): AsyncGenerator<Json> {
  const filler = batcher ? new BatchFiller(batcher) : undefined;
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    if (!filler) {
      yield* next.value;
      continue;
    }
    for (const item of next.value) {
      const full = filler.add(item);
      if (full) yield full;
    }
  }
  const last = filler?.flush();
  if (last) yield last;
}

class BatchFiller {
  private current: Json[] = [];
  private bytes = 0;
  private readonly maxItems: number;
  private readonly maxBytes: number;

  constructor(private readonly batcher: JsonObject) {
    this.maxItems = typeof batcher.MaxItemsPerBatch === 'number' ? batcher.MaxItemsPerBatch : Infinity;
    this.maxBytes = typeof batcher.MaxInputBytesPerBatch === 'number' ? batcher.MaxInputBytesPerBatch : MAX_BATCH_BYTES;
  }

  /** Adds an item; returns the batch it closed, if adding it would overflow the current one. */
  add(item: Json): Json | undefined {
    const size = Buffer.byteLength(JSON.stringify(item));
    let full: Json | undefined;
    if (this.current.length > 0 && (this.current.length >= this.maxItems || this.bytes + size > this.maxBytes)) full = this.flush();
    this.current.push(item);
    this.bytes += size;
    return full;
  }

  flush(): Json | undefined {
    if (this.current.length === 0) return undefined;
    const items = this.current;
    this.current = [];
    this.bytes = 0;
    const batchInput = this.batcher.BatchInput;
    return batchInput === undefined ? { Items: items } : { BatchInput: batchInput, Items: items };
  }
}
