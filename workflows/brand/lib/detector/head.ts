/**
 * The trained head: softmax regression over region descriptors, class 0 being "no logo". Trained with
 * Adam on standardised descriptors; the standardisation is folded into the stored weights, so the
 * head stays linear in the pooled features and scoring every window of an image costs a projection
 * per cell plus a few summed-area look-ups per window.
 */
import { seededRandom } from '../annotations/split';
import { BLOCKS, poolBlocks, SummedArea, type PoolingTables, type Region } from './regions';

export interface Head {
  /** Row c holds class c's weights over the raw (unstandardised) descriptor. */
  weights: Float32Array;
  bias: Float32Array;
  classes: number;
  dim: number;
}

export interface HeadOptions {
  epochs?: number;
  /** L2 penalty on the standardised weights. */
  l2?: number;
  learningRate?: number;
  batch?: number;
  seed?: number;
}

const DEFAULTS: Required<HeadOptions> = { epochs: 12, l2: 1e-4, learningRate: 2e-3, batch: 128, seed: 7 };

/** Fits the head on descriptors `x` with classes `y` (0 … classes-1), each sample weighted by `weight`. */
export function trainHead(x: readonly Float32Array[], y: ArrayLike<number>, classes: number, weight: ArrayLike<number>, options: HeadOptions = {}): Head {
  const o = { ...DEFAULTS, ...options };
  if (x.length === 0) throw new RangeError('The head needs at least one training sample.');
  const dim = x[0]!.length;
  const { mean, scale } = moments(x, dim);
  const w = new Float32Array(classes * dim);
  const b = new Float32Array(classes);
  const adam = { mw: new Float32Array(w.length), vw: new Float32Array(w.length), mb: new Float32Array(classes), vb: new Float32Array(classes), t: 0 };
  const random = seededRandom(o.seed);
  const order = Array.from(x.keys());
  const z = new Float32Array(dim);
  const p = new Float64Array(classes);
  const gw = new Float32Array(w.length);
  const gb = new Float32Array(classes);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    shuffle(order, random);
    for (let start = 0; start < order.length; start += o.batch) {
      gw.fill(0);
      gb.fill(0);
      let total = 0;
      for (const i of order.slice(start, start + o.batch)) {
        const xi = x[i]!;
        for (let d = 0; d < dim; d++) z[d] = (xi[d]! - mean[d]!) * scale[d]!;
        softmax(w, b, z, p);
        const wi = weight[i]!;
        total += wi;
        p[y[i]!]! -= 1;
        for (let c = 0; c < classes; c++) {
          const g = wi * p[c]!;
          if (g === 0) continue;
          gb[c]! += g;
          const row = c * dim;
          for (let d = 0; d < dim; d++) gw[row + d]! += g * z[d]!;
        }
      }
      for (let k = 0; k < w.length; k++) gw[k] = gw[k]! / total + o.l2 * w[k]!;
      for (let c = 0; c < classes; c++) gb[c] = gb[c]! / total;
      step(adam, w, gw, b, gb, o.learningRate);
    }
  }
  return fold(w, b, mean, scale, classes, dim);
}

function moments(x: readonly Float32Array[], dim: number): { mean: Float64Array; scale: Float64Array } {
  const mean = new Float64Array(dim);
  const sq = new Float64Array(dim);
  for (const xi of x) for (let d = 0; d < dim; d++) [mean[d], sq[d]] = [mean[d]! + xi[d]!, sq[d]! + xi[d]! * xi[d]!];
  const scale = new Float64Array(dim);
  for (let d = 0; d < dim; d++) {
    mean[d] = mean[d]! / x.length;
    const variance = sq[d]! / x.length - mean[d]! * mean[d]!;
    // A feature that never varies carries nothing: leave it out rather than divide by zero.
    scale[d] = variance > 1e-12 ? 1 / Math.sqrt(variance) : 0;
  }
  return { mean, scale };
}

/** Standardised weights → weights over raw descriptors: w·((x−μ)·s) + b = (w·s)·x + (b − Σ w·s·μ). */
function fold(w: Float32Array, b: Float32Array, mean: Float64Array, scale: Float64Array, classes: number, dim: number): Head {
  const weights = new Float32Array(w.length);
  const bias = new Float32Array(classes);
  for (let c = 0; c < classes; c++) {
    let shift = 0;
    for (let d = 0; d < dim; d++) {
      const k = c * dim + d;
      weights[k] = w[k]! * scale[d]!;
      shift += weights[k]! * mean[d]!;
    }
    bias[c] = b[c]! - shift;
  }
  return { weights, bias, classes, dim };
}

function step(s: { mw: Float32Array; vw: Float32Array; mb: Float32Array; vb: Float32Array; t: number }, w: Float32Array, gw: Float32Array, b: Float32Array, gb: Float32Array, rate: number): void {
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  s.t++;
  const c1 = 1 - b1 ** s.t;
  const c2 = 1 - b2 ** s.t;
  const update = (v: Float32Array, g: Float32Array, m: Float32Array, q: Float32Array) => {
    for (let k = 0; k < v.length; k++) {
      m[k] = b1 * m[k]! + (1 - b1) * g[k]!;
      q[k] = b2 * q[k]! + (1 - b2) * g[k]! * g[k]!;
      v[k]! -= (rate * (m[k]! / c1)) / (Math.sqrt(q[k]! / c2) + eps);
    }
  };
  update(w, gw, s.mw, s.vw);
  update(b, gb, s.mb, s.vb);
}

function softmax(w: Float32Array, b: Float32Array, z: Float32Array, out: Float64Array): void {
  const classes = b.length;
  const dim = z.length;
  let max = -Infinity;
  for (let c = 0; c < classes; c++) {
    let s = b[c]!;
    const row = c * dim;
    for (let d = 0; d < dim; d++) s += w[row + d]! * z[d]!;
    out[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < classes; c++) sum += out[c] = Math.exp(out[c]! - max);
  for (let c = 0; c < classes; c++) out[c] = out[c]! / sum;
}

function shuffle(a: number[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}

/** Class probabilities of one descriptor. */
export function classify(head: Head, x: Float32Array): Float64Array {
  const p = new Float64Array(head.classes);
  softmax(head.weights, head.bias, x, p);
  return p;
}

/**
 * Class probabilities of many windows of one image, from per-cell projections of each block's
 * weights: the same numbers `classify(describe(region))` gives, thousands of times faster.
 */
export function scoreWindows(head: Head, tables: PoolingTables, regions: readonly Region[]): Float32Array {
  const k = head.classes;
  let offset = 0;
  const projected = BLOCKS.map((block) => {
    const map = tables[block.map];
    const table = project(head, map, offset, tables.source[block.map]);
    offset += map.channels;
    return table;
  });
  const out = new Float32Array(regions.length * k);
  const logits = new Float64Array(k);
  regions.forEach((r, i) => {
    for (let c = 0; c < k; c++) logits[c] = head.bias[c]!;
    poolBlocks(tables.grid, r, (block, cells, weight) => projected[block]!.addSum(cells, weight, logits, 0));
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, logits[c]!);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += logits[c] = Math.exp(logits[c]! - max);
    for (let c = 0; c < k; c++) out[i * k + c] = logits[c]! / sum;
  });
  return out;
}

/** Each cell's features times one block's weights: a map of `classes` values per cell. */
function project(head: Head, table: SummedArea, offset: number, values: Float32Array): SummedArea {
  const { classes, dim } = head;
  const cells = table.width * table.height;
  const channels = table.channels;
  const out = new Float32Array(cells * classes);
  for (let cell = 0; cell < cells; cell++) {
    const base = cell * channels;
    for (let c = 0; c < classes; c++) {
      const row = c * dim + offset;
      let s = 0;
      for (let d = 0; d < channels; d++) s += head.weights[row + d]! * values[base + d]!;
      out[cell * classes + c] = s;
    }
  }
  return new SummedArea(table.width, table.height, classes, out);
}
