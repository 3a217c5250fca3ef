/**
 * The window scorer's inner loop (see `head.ts`) as a WebAssembly kernel: each window's class logits
 * are the bias plus, per summed-area look-up, weight × (d − b − c + a) of the looked-up rows, two
 * classes at a time in 128-bit lanes. Every lane does the same IEEE double operations in the same
 * order as the plain loop, so the logits are identical, bit for bit; the kernel only drops the
 * bounds checks and does two classes per instruction. It takes an even class count.
 */
import { addTo, I32, instantiate, op, reserve, type Kernel } from './wasm';

/** Look-ups of every window, as `head.ts` plans them. */
export interface LookupPlan {
  /** Window i's look-ups are `starts[i]` to `starts[i + 1]`. */
  starts: Int32Array;
  /** 0: the fine map's table, 1: the coarse map's. */
  map: Uint8Array;
  /** Which block of its map (its rows start at slot × classes). */
  slot: Uint8Array;
  /** Four cell indices per look-up: a, b, c, d. */
  corners: Int32Array;
  weight: Float32Array;
}

export interface ProjectedTables {
  fine: { sums: Float64Array; channels: number };
  coarse: { sums: Float64Array; channels: number };
}

const V128 = 0x7b;
// Parameters: starts, windows, terms, weights, bias, class bytes, out.
const [STARTS, WINDOWS, TERMS, WEIGHTS, BIAS, K_BYTES, OUT] = [0, 1, 2, 3, 4, 5, 6];
const [L, L_END, TP, WP, A, B, C, D, CB] = [7, 8, 9, 10, 11, 12, 13, 14, 15];
const W = 16;

const lanes = (base: number) => [...op.get(base), ...op.get(CB), ...op.add, ...op.v128Load()];

// prettier-ignore
const BODY = [
  ...op.block, ...op.loop, // each window
  ...op.get(WINDOWS), 0x45 /* i32.eqz */, ...op.brIf(1),
  ...op.i32(0), ...op.set(CB),
  ...op.loop, // the row starts as the bias
  ...op.get(OUT), ...op.get(CB), ...op.add, ...lanes(BIAS), ...op.v128Store(),
  ...addTo(CB, op.i32(16)), ...op.get(CB), ...op.get(K_BYTES), ...op.ltU, ...op.brIf(0),
  ...op.end,
  ...op.get(STARTS), ...op.i32Load(0), ...op.set(L), ...op.get(STARTS), ...op.i32Load(4), ...op.set(L_END),
  ...op.get(TERMS), ...op.get(L), ...op.i32(16), ...op.mul, ...op.add, ...op.set(TP),
  ...op.get(WEIGHTS), ...op.get(L), ...op.i32(8), ...op.mul, ...op.add, ...op.set(WP),
  ...op.block, ...op.loop, // each look-up
  ...op.get(L), ...op.get(L_END), ...op.geU, ...op.brIf(1),
  ...op.get(TP), ...op.i32Load(0), ...op.set(A), ...op.get(TP), ...op.i32Load(4), ...op.set(B),
  ...op.get(TP), ...op.i32Load(8), ...op.set(C), ...op.get(TP), ...op.i32Load(12), ...op.set(D),
  ...op.get(WP), ...op.f64Load(), ...op.f64x2Splat, ...op.set(W),
  ...op.i32(0), ...op.set(CB),
  ...op.loop, // two classes: row += w × (((d − b) − c) + a)
  ...op.get(OUT), ...op.get(CB), ...op.add,
  ...lanes(OUT),
  ...op.get(W),
  ...lanes(D), ...lanes(B), ...op.f64x2Sub, ...lanes(C), ...op.f64x2Sub, ...lanes(A), ...op.f64x2Add,
  ...op.f64x2Mul, ...op.f64x2Add, ...op.v128Store(),
  ...addTo(CB, op.i32(16)), ...op.get(CB), ...op.get(K_BYTES), ...op.ltU, ...op.brIf(0),
  ...op.end,
  ...addTo(L, op.i32(1)), ...addTo(TP, op.i32(16)), ...addTo(WP, op.i32(8)),
  ...op.br(0),
  ...op.end, ...op.end,
  ...addTo(OUT, op.get(K_BYTES)), ...addTo(STARTS, op.i32(4)), ...op.get(WINDOWS), ...op.i32(1), 0x6b /* i32.sub */, ...op.set(WINDOWS),
  ...op.br(0),
  ...op.end, ...op.end,
  ...op.end,
];

let kernel: Kernel<'windowLogits'> | undefined;
const instance = () => (kernel ??= instantiate([{ name: 'windowLogits', params: 7, locals: [[9, I32], [1, V128]], body: BODY }]));

/**
 * The plan whose look-up addresses, weights and starts are in the kernel's memory, and the layout they
 * were written for: the next call with the same plan and layout (the next frame of a video, or photo of
 * the same size) writes only the bias and the tables.
 */
let resident: { plan: LookupPlan; layout: string } | undefined;

/** Each window's logits before the softmax, `classes` per window, window after window. */
export function windowLogits(plan: LookupPlan, tables: ProjectedTables, bias: Float32Array): Float64Array {
  return bias.length % 2 === 0 ? kernelLogits(plan, tables, bias) : plainLogits(plan, tables, bias);
}

function kernelLogits(plan: LookupPlan, tables: ProjectedTables, bias: Float32Array): Float64Array {
  const k = bias.length;
  const windows = plan.starts.length - 1;
  const terms = plan.weight.length;
  // Memory: terms (4 × i32 each), weights, starts, bias, the two tables, the logits; all 16-byte aligned.
  const at = { terms: 0, weights: 16 * terms };
  const starts = align(at.weights + 8 * terms);
  const biasAt = align(starts + 4 * plan.starts.length);
  const fine = align(biasAt + 8 * k);
  const coarse = align(fine + tables.fine.sums.byteLength);
  const out = align(coarse + tables.coarse.sums.byteLength);
  const k8 = instance();
  const buffer = reserve(k8.memory, out + 8 * k * windows);
  const layout = [k, tables.fine.channels, tables.coarse.channels, fine, coarse].join();
  if (resident?.plan !== plan || resident.layout !== layout) {
    const addresses = new Int32Array(buffer, at.terms, 4 * terms);
    for (let l = 0; l < terms; l++) {
      const onFine = plan.map[l] === 0;
      const base = onFine ? fine : coarse;
      const ch = onFine ? tables.fine.channels : tables.coarse.channels;
      const off = plan.slot[l]! * k;
      for (let j = 0; j < 4; j++) addresses[4 * l + j] = base + 8 * (plan.corners[4 * l + j]! * ch + off);
    }
    new Float64Array(buffer, at.weights, terms).set(plan.weight);
    new Int32Array(buffer, starts, plan.starts.length).set(plan.starts);
    resident = { plan, layout };
  }
  new Float64Array(buffer, biasAt, k).set(bias);
  new Float64Array(buffer, fine, tables.fine.sums.length).set(tables.fine.sums);
  new Float64Array(buffer, coarse, tables.coarse.sums.length).set(tables.coarse.sums);
  k8.windowLogits(starts, windows, at.terms, at.weights, biasAt, 8 * k, out);
  return new Float64Array(buffer, out, k * windows).slice();
}

const align = (n: number) => Math.ceil(n / 16) * 16;

/** The same logits in plain JavaScript: for an odd class count, and the kernel's reference in tests. */
export function plainLogits(p: LookupPlan, projected: ProjectedTables, bias: Float32Array): Float64Array {
  const k = bias.length;
  const windows = p.starts.length - 1;
  const [fine, coarse] = [projected.fine.sums, projected.coarse.sums];
  const [fineChannels, coarseChannels] = [projected.fine.channels, projected.coarse.channels];
  const logits = new Float64Array(windows * k);
  for (let i = 0; i < windows; i++) {
    const row = i * k;
    for (let c = 0; c < k; c++) logits[row + c] = bias[c]!;
    for (let l = p.starts[i]!; l < p.starts[i + 1]!; l++) {
      // One array per map and plain locals (no tuple per look-up) keep this loop monomorphic.
      const onFine = p.map[l] === 0;
      const s = onFine ? fine : coarse;
      const ch = onFine ? fineChannels : coarseChannels;
      const off = p.slot[l]! * k;
      const a = p.corners[4 * l]! * ch + off;
      const b = p.corners[4 * l + 1]! * ch + off;
      const c0 = p.corners[4 * l + 2]! * ch + off;
      const d = p.corners[4 * l + 3]! * ch + off;
      const w = p.weight[l]!;
      for (let c = 0; c < k; c++) logits[row + c]! += w * (s[d + c]! - s[b + c]! - s[c0 + c]! + s[a + c]!);
    }
  }
  return logits;
}
