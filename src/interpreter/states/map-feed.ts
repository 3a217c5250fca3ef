/**
 * Where a Map's iterations come from: an array already in memory (inline Map, or a distributed Map
 * over its input), or a dataset an ItemReader streams. Workers pull one item (or batch) at a time.
 */
import type { MapState } from '../../asl/definition';
import type { Json, JsonObject } from '../../asl/json';
import type { StateContext } from '../runtime';
import { batchItems, batchStream } from './map-batches';
import { resolveBatcher } from './map-batcher';
import { mapItems } from './map-config';
import { readerItems } from './map-item-reader';

export interface MapFeed {
  /** Known up front for arrays; a streamed dataset's count is known once it is read to the end. */
  readonly length?: number;
  /** Synchronous for arrays, so that an inline Map runs exactly as before it could stream. */
  next(): IteratorResult<Json> | Promise<IteratorResult<Json>>;
}

export async function mapFeed(state: MapState, input: Json, ctx: StateContext, distributed: boolean): Promise<MapFeed> {
  if (distributed && state.ItemReader) {
    const items = await readerItems(state, input, ctx);
    return readerFeed(await resolveBatcher(state, input, ctx), items);
  }
  const items = await mapItems(state, input, ctx);
  return arrayFeed(batchItems(await resolveBatcher(state, input, ctx), items));
}

function arrayFeed(items: Json[]): MapFeed {
  let index = 0;
  return {
    length: items.length,
    next: () => (index < items.length ? { done: false, value: items[index++] } : { done: true, value: undefined }),
  };
}

/**
 * The first item is read before the Map starts, so that a missing object or an unreadable header
 * fails the state the way unreadable items do, before any child runs.
 */
async function readerFeed(batcher: JsonObject | undefined, items: AsyncIterator<Json[]>): Promise<MapFeed> {
  const first = await items.next();
  let replayFirst = !first.done;
  const withFirst: AsyncIterator<Json[]> = {
    next: () => {
      if (!replayFirst) return items.next();
      replayFirst = false;
      return Promise.resolve(first);
    },
  };
  const batches = batchStream(batcher, withFirst);
  return { next: () => batches.next() };
}
