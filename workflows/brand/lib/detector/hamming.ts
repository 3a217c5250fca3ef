/**
 * Exact brute-force two-nearest-neighbour search over binary descriptors by Hamming distance, in a
 * WebAssembly function written here byte by byte. JavaScript has no population count, so a 32-byte
 * distance in plain JS costs about forty operations; WebAssembly's `i64.popcnt` is one CPU instruction
 * per 8 bytes, which makes the search several times faster. OpenCV's own matcher is no answer here: in
 * the opencv-js build, `BFMatcher(NORM_HAMMING).knnMatch` took 1,061 ms where this takes 46 ms for 1,500
 * image descriptors against 14,400 template ones (same distances). The module is 400 bytes (see `wasm.ts`);
 * `test/workflows/brand/lib/detector/hamming.test.ts` checks it against the plain definition.
 */
import { addTo, I32, I64, instantiate, op, reserve, type Kernel } from './wasm';

/** For each query, its nearest and second-nearest distances among the train descriptors and the nearest's index. */
export interface Nearest {
  best: Int32Array;
  second: Int32Array;
  index: Int32Array;
}

/** Parameters (all i32): query pointer, query count, train pointer, train count, 8-byte words per descriptor, output pointer. */
const [Q, NQ, T, NT, WORDS, OUT] = [0, 1, 2, 3, 4, 5];
/** i32 locals after the parameters, then one i64 accumulator. */
const [STRIDE, Q_END, T_END, TP, A, B, W_END, D, BEST, SECOND, BI, TI] = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
const ACC = 18;
/** The 32-byte kernel keeps the query's four words in i64 locals. */
const QW = [19, 20, 21, 22];

/**
 * Both bodies' end, once a descriptor's distance is in D: keep the two nearest, step to the next train
 * descriptor; after the last, store the query's best, second and index and step to the next query.
 */
// prettier-ignore
const KEEP_NEAREST_TWO = [
  ...op.get(D), ...op.get(BEST), ...op.ltU, ...op.if,
  ...op.get(BEST), ...op.set(SECOND), ...op.get(D), ...op.set(BEST), ...op.get(TI), ...op.set(BI),
  ...op.else,
  ...op.get(D), ...op.get(SECOND), ...op.ltU, ...op.if, ...op.get(D), ...op.set(SECOND), ...op.end,
  ...op.end,
  ...addTo(TI, op.i32(1)), ...addTo(TP, op.get(STRIDE)),
  ...op.br(0),
  ...op.end, ...op.end,
  ...op.get(OUT), ...op.get(BEST), ...op.i32Store(0),
  ...op.get(OUT), ...op.get(SECOND), ...op.i32Store(4),
  ...op.get(OUT), ...op.get(BI), ...op.i32Store(8),
  ...addTo(OUT, op.i32(12)), ...addTo(Q, op.get(STRIDE)),
  ...op.br(0),
  ...op.end, ...op.end,
  ...op.end,
];

// prettier-ignore
const BODY = [
  ...op.get(WORDS), ...op.i32(3), ...op.shl, ...op.set(STRIDE),
  ...op.get(Q), ...op.get(NQ), ...op.get(STRIDE), ...op.mul, ...op.add, ...op.set(Q_END),
  ...op.get(T), ...op.get(NT), ...op.get(STRIDE), ...op.mul, ...op.add, ...op.set(T_END),
  ...op.block, ...op.loop, // each query
  ...op.get(Q), ...op.get(Q_END), ...op.geU, ...op.brIf(1),
  ...op.i32(0x7fffffff), ...op.set(BEST), ...op.i32(0x7fffffff), ...op.set(SECOND), ...op.i32(-1), ...op.set(BI),
  ...op.i32(0), ...op.set(TI), ...op.get(T), ...op.set(TP),
  ...op.block, ...op.loop, // each train descriptor
  ...op.get(TP), ...op.get(T_END), ...op.geU, ...op.brIf(1),
  ...op.get(Q), ...op.set(A), ...op.get(TP), ...op.set(B), ...op.get(Q), ...op.get(STRIDE), ...op.add, ...op.set(W_END),
  ...op.i64Zero, ...op.set(ACC),
  ...op.loop, // each 8-byte word: acc += popcnt(a ^ b)
  ...op.get(ACC), ...op.get(A), ...op.i64Load(), ...op.get(B), ...op.i64Load(), ...op.i64Xor, ...op.i64Popcnt, ...op.i64Add, ...op.set(ACC),
  ...addTo(A, op.i32(8)), ...addTo(B, op.i32(8)),
  ...op.get(A), ...op.get(W_END), ...op.ltU, ...op.brIf(0),
  ...op.end,
  ...op.get(ACC), ...op.wrap, ...op.set(D),
  ...KEEP_NEAREST_TWO,
];

/** The same search for 32-byte descriptors (ORB's), unrolled: the query's words stay in registers. */
// prettier-ignore
const BODY_32 = [
  ...op.i32(32), ...op.set(STRIDE),
  ...op.get(Q), ...op.get(NQ), ...op.get(STRIDE), ...op.mul, ...op.add, ...op.set(Q_END),
  ...op.get(T), ...op.get(NT), ...op.get(STRIDE), ...op.mul, ...op.add, ...op.set(T_END),
  ...op.block, ...op.loop, // each query
  ...op.get(Q), ...op.get(Q_END), ...op.geU, ...op.brIf(1),
  ...QW.flatMap((local, w) => [...op.get(Q), ...op.i64Load(8 * w), ...op.set(local)]),
  ...op.i32(0x7fffffff), ...op.set(BEST), ...op.i32(0x7fffffff), ...op.set(SECOND), ...op.i32(-1), ...op.set(BI),
  ...op.i32(0), ...op.set(TI), ...op.get(T), ...op.set(TP),
  ...op.block, ...op.loop, // each train descriptor
  ...op.get(TP), ...op.get(T_END), ...op.geU, ...op.brIf(1),
  ...QW.flatMap((local, w) => [...op.get(local), ...op.get(TP), ...op.i64Load(8 * w), ...op.i64Xor, ...op.i64Popcnt, ...(w > 0 ? op.i64Add : [])]),
  ...op.wrap, ...op.set(D),
  ...KEEP_NEAREST_TWO,
];

let kernel: Kernel<'nearest2' | 'nearest2of32'> | undefined;

// Locals: 12 i32, then the i64 accumulator and the 32-byte kernel's four query words.
const LOCALS: Array<[number, number]> = [[12, I32], [5, I64]];

const instance = () =>
  (kernel ??= instantiate([
    { name: 'nearest2', params: 6, locals: LOCALS, body: BODY },
    { name: 'nearest2of32', params: 6, locals: LOCALS, body: BODY_32 },
  ]));

/**
 * Each query descriptor's two nearest train descriptors (`bytes` per descriptor, a multiple of 8).
 * With fewer than two train descriptors the missing distances are `bytes × 8 + 1`, longer than any.
 */
export function nearestTwo(query: Uint8Array, train: Uint8Array, bytes: number): Nearest {
  if (bytes % 8 !== 0) throw new RangeError(`Descriptors of ${bytes} bytes: the matcher takes multiples of 8`);
  const nq = query.length / bytes;
  const nt = train.length / bytes;
  const k = instance();
  const heap = new Uint8Array(reserve(k.memory, train.length + query.length + 12 * nq));
  heap.set(train, 0);
  heap.set(query, train.length);
  const out = train.length + query.length;
  (bytes === 32 ? k.nearest2of32 : k.nearest2)(train.length, nq, 0, nt, bytes / 8, out);
  const triples = new Int32Array(k.memory.buffer, out, 3 * nq);
  const none = bytes * 8 + 1;
  const result: Nearest = { best: new Int32Array(nq), second: new Int32Array(nq), index: new Int32Array(nq) };
  for (let i = 0; i < nq; i++) {
    result.best[i] = Math.min(triples[3 * i]!, none);
    result.second[i] = Math.min(triples[3 * i + 1]!, none);
    result.index[i] = triples[3 * i + 2]!;
  }
  return result;
}
