import type { Json } from '../../../asl/json';
import { jsonEquals } from '../json-text';
import type { IntrinsicArguments } from './arguments';

/** AWS caps the array States.ArrayRange may build. */
export const MAX_ARRAY_RANGE_ITEMS = 1000;

export function array(args: IntrinsicArguments): Json {
  return [...args.values];
}

export function arrayPartition(args: IntrinsicArguments): Json {
  args.expectCount(2);
  const items = args.array(0);
  const size = args.integer(1);
  if (size <= 0) throw args.failure(`the chunk size must be a positive integer but was ${size}`);
  const chunks: Json[] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export function arrayContains(args: IntrinsicArguments): Json {
  args.expectCount(2);
  const wanted = args.values[1];
  return args.array(0).some((item) => jsonEquals(item, wanted));
}

export function arrayRange(args: IntrinsicArguments): Json {
  args.expectCount(3);
  const [start, end, step] = [args.integer(0), args.integer(1), args.integer(2)];
  if (step === 0) throw args.failure('the step must not be 0');
  const length = Math.max(0, Math.floor((end - start) / step) + 1);
  if (length > MAX_ARRAY_RANGE_ITEMS) {
    throw args.failure(`the range would have ${length} items, more than the maximum of ${MAX_ARRAY_RANGE_ITEMS}`);
  }
  return Array.from({ length }, (_, i) => start + i * step);
}

export function arrayGetItem(args: IntrinsicArguments): Json {
  args.expectCount(2);
  const items = args.array(0);
  const index = args.integer(1);
  if (index < 0 || index >= items.length) {
    throw args.failure(`the index ${index} is out of bounds for an array of length ${items.length}`);
  }
  return items[index];
}

export function arrayLength(args: IntrinsicArguments): Json {
  args.expectCount(1);
  return args.array(0).length;
}

export function arrayUnique(args: IntrinsicArguments): Json {
  args.expectCount(1);
  const unique: Json[] = [];
  for (const item of args.array(0)) {
    if (!unique.some((kept) => jsonEquals(kept, item))) unique.push(item);
  }
  return unique;
}
