/**
 * The WebAssembly two-nearest-neighbour search gives exactly what the definition gives (every query's
 * nearest and second-nearest Hamming distances and the nearest's index, the first of equals), for
 * ORB's 32-byte descriptors (the unrolled kernel) and 64-byte ones (the general kernel), across
 * memory growth, and refuses descriptor sizes it cannot read.
 */
import { nearestTwo } from '../../../../../workflows/brand/lib/detector/hamming';

function bits(byte: number): number {
  let n = 0;
  for (let v = byte; v; v >>= 1) n += v & 1;
  return n;
}

/** The definition, one byte at a time. */
function reference(query: Uint8Array, train: Uint8Array, bytes: number): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (let q = 0; q < query.length / bytes; q++) {
    let [best, second, index] = [bytes * 8 + 1, bytes * 8 + 1, -1];
    for (let t = 0; t < train.length / bytes; t++) {
      let d = 0;
      for (let i = 0; i < bytes; i++) d += bits(query[q * bytes + i]! ^ train[t * bytes + i]!);
      if (d < best) [second, best, index] = [best, d, t];
      else if (d < second) second = d;
    }
    out.push([best, second, index]);
  }
  return out;
}

function randomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

describe('nearestTwo', () => {
  test.each([
    { bytes: 32, queries: 40, trains: 300 },
    { bytes: 64, queries: 25, trains: 200 },
    { bytes: 32, queries: 1200, trains: 1000 }, // more than the first 64 KiB memory page holds
    { bytes: 32, queries: 5, trains: 1 },
    { bytes: 8, queries: 7, trains: 9 },
  ])('$bytes-byte descriptors, $queries against $trains', ({ bytes, queries, trains }) => {
    const train = randomBytes(trains * bytes, 7);
    const query = randomBytes(queries * bytes, 11);
    // Some queries equal a train descriptor, or two of them: distance 0 and ties.
    query.set(train.subarray(0, bytes), 0);
    if (trains > 2) train.set(train.subarray(0, bytes), 2 * bytes);
    const found = nearestTwo(query, train, bytes);
    const expected = reference(query, train, bytes);
    expect(expected.map((_, i) => [found.best[i], found.second[i], found.index[i]])).toEqual(expected);
  });

  test('a query equal to two train descriptors has both at distance 0 and the first as nearest', () => {
    const train = randomBytes(10 * 32, 3);
    train.set(train.subarray(32, 64), 5 * 32);
    const found = nearestTwo(train.slice(32, 64), train, 32);
    expect([found.best[0], found.second[0], found.index[0]]).toEqual([0, 0, 1]);
  });

  test('descriptors that are not whole 8-byte words are refused', () => {
    expect(() => nearestTwo(new Uint8Array(12), new Uint8Array(12), 12)).toThrow(RangeError);
  });
});
