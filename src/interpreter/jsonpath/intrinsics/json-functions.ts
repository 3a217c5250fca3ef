import type { Json } from '../../../asl/json';
import { compactJson } from '../json-text';
import type { IntrinsicArguments } from './arguments';

export function stringToJson(args: IntrinsicArguments): Json {
  args.expectCount(1);
  const text = args.string(0);
  // AWS answers a blank string with null rather than a parse error.
  if (text.trim() === '') return null;
  try {
    return normalizeNegativeZero(JSON.parse(text) as Json);
  } catch {
    throw args.failure(`the argument is not valid JSON: ${text}`);
  }
}

export function jsonToString(args: IntrinsicArguments): Json {
  args.expectCount(1);
  return compactJson(args.values[0]);
}

/** Shallow merge only: AWS rejects a deep merge (third argument true). */
export function jsonMerge(args: IntrinsicArguments): Json {
  args.expectCount(3);
  const [left, right] = [args.object(0), args.object(1)];
  if (args.boolean(2)) throw args.failure('deep merging is not supported; the third argument must be false');
  return { ...left, ...right };
}

/** Java's JSON parser has no negative zero, so `-0` comes back as 0. */
function normalizeNegativeZero(value: Json): Json {
  return Object.is(value, -0) ? 0 : value;
}
