/**
 * The trained head: softmax regression over region descriptors, class 0 being "no logo". Trained with
 * Adam on standardised descriptors; the standardisation is folded into the stored weights, so the
 * head stays linear in the pooled features and scoring every window of an image costs a projection
 * per cell plus a few summed-area look-ups per window.
 */
import { seededRandom } from '../../../../src/services';
import { tensorflow } from './tensorflow';
import { BLOCKS, poolBlocks, SummedArea, type PoolingTables, type Region } from './regions';
import { matMul } from './matmul';
import { windowLogits, type LookupPlan } from './window-kernel';

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

const DEFAULTS: Required<HeadOptions> = { epochs: 8, l2: 1e-4, learningRate: 2e-3, batch: 128, seed: 7 };

/**
 * Fits the head on descriptors `x` with classes `y` (0 … classes-1), each sample weighted by
 * `weight`: minibatch Adam on TensorFlow.js (WebAssembly), a dense layer being all it trains.
 */
export async function trainHead(x: readonly Float32Array[], y: ArrayLike<number>, classes: number, weight: ArrayLike<number>, options: HeadOptions = {}): Promise<Head> {
  const o = { ...DEFAULTS, ...options };
  if (x.length === 0) throw new RangeError('The head needs at least one training sample.');
  const tf = await tensorflow();
  const dim = x[0]!.length;
  const { mean, scale } = moments(x, dim);
  const n = x.length;
  const flat = new Float32Array(n * dim);
  x.forEach((xi, i) => {
    for (let d = 0; d < dim; d++) flat[i * dim + d] = (xi[d]! - mean[d]!) * scale[d]!;
  });
  const X = tf.tensor2d(flat, [n, dim]);
  const Y = tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from({ length: n }, (_, i) => y[i]!), 'int32'), classes).toFloat());
  const S = tf.tensor1d(Float32Array.from({ length: n }, (_, i) => weight[i]!));
  const w = tf.variable(tf.zeros([dim, classes]));
  const b = tf.variable(tf.zeros([classes]));
  const optimizer = tf.train.adam(o.learningRate);
  const random = seededRandom(o.seed);
  const order = Array.from({ length: n }, (_, i) => i);
  try {
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      shuffle(order, random);
      for (let start = 0; start < n; start += o.batch) {
        tf.tidy(() => {
          const rows = tf.tensor1d(Int32Array.from(order.slice(start, start + o.batch)), 'int32');
          const [xb, yb, sb] = [tf.gather(X, rows), tf.gather(Y, rows), tf.gather(S, rows)];
          optimizer.minimize(() => {
            const losses = tf.losses.softmaxCrossEntropy(yb, xb.matMul(w).add(b), undefined, undefined, tf.Reduction.NONE);
            return tf.sum(losses.mul(sb)).div(tf.sum(sb)).add(tf.sum(tf.square(w)).mul(o.l2 / 2)) as ReturnType<typeof tf.scalar>;
          });
        });
      }
    }
    const trained = tf.tidy(() => w.transpose());
    const rows = new Float32Array(await trained.data<'float32'>());
    trained.dispose();
    return fold(rows, new Float32Array(await b.data<'float32'>()), mean, scale, classes, dim);
  } finally {
    tf.dispose([X, Y, S, w, b]);
    optimizer.dispose();
  }
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
 * weights (one matrix product per map): the same numbers `classify(describe(region))` gives,
 * thousands of times faster.
 */
export async function scoreWindows(head: Head, tables: PoolingTables, regions: readonly Region[]): Promise<Float32Array> {
  const k = head.classes;
  const logits = await windowLogitsOf(head, tables, regions);
  const out = new Float32Array(regions.length * k);
  for (let i = 0; i < regions.length; i++) {
    const row = i * k;
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, logits[row + c]!);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += logits[row + c] = Math.exp(logits[row + c]! - max);
    for (let c = 0; c < k; c++) out[row + c] = logits[row + c]! / sum;
  }
  return out;
}

/** Per logo class (1 … classes − 1): the highest probability any window has, and the first window that has it. */
export interface BestWindows {
  /** Index c − 1 for class c. */
  probability: Float32Array;
  window: Int32Array;
}

/**
 * What a scan of `scoreWindows`' probabilities for each class's best window finds, to the bit, without
 * the softmax of most windows: a window's probability for class c is at most exp(logit_c − its
 * largest logit), so a class whose logit is too far below that for the best so far is passed over
 * (by a margin beyond rounding); the rest get the exact softmax `scoreWindows` computes.
 */
export async function bestWindows(head: Head, tables: PoolingTables, regions: readonly Region[]): Promise<BestWindows> {
  const k = head.classes;
  const logits = await windowLogitsOf(head, tables, regions);
  const probability = new Float32Array(k - 1);
  const window = new Int32Array(k - 1);
  const floor = new Float64Array(k - 1).fill(-Infinity);
  for (let i = 0; i < regions.length; i++) {
    const row = i * k;
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, logits[row + c]!);
    let sum = -1;
    for (let c = 1; c < k; c++) {
      if (logits[row + c]! - max < floor[c - 1]!) continue;
      if (sum < 0) {
        sum = 0;
        for (let j = 0; j < k; j++) sum += Math.exp(logits[row + j]! - max);
      }
      const p = Math.fround(Math.exp(logits[row + c]! - max) / sum);
      if (p > probability[c - 1]!) {
        probability[c - 1] = p;
        window[c - 1] = i;
        floor[c - 1] = Math.log(p) - 1e-6;
      }
    }
  }
  return { probability, window };
}

async function windowLogitsOf(head: Head, tables: PoolingTables, regions: readonly Region[]): Promise<Float64Array> {
  return windowLogits(plan(tables, regions), await projections(head, tables), head.bias);
}

/** Every window's summed-area look-ups, worked out once per window list: map, block slot, corner cells, weight. */
type Plan = LookupPlan;

const plans = new WeakMap<readonly Region[], Plan>();

function plan(tables: PoolingTables, regions: readonly Region[]): Plan {
  const hit = plans.get(regions);
  if (hit) return hit;
  const starts = [0];
  const map: number[] = [];
  const slots: number[] = [];
  const corners: number[] = [];
  const weight: number[] = [];
  const widths = { fine: tables.fine.width + 1, coarse: tables.coarse.width + 1 };
  for (const r of regions) {
    poolBlocks(tables.grid, r, (block, cells, w) => {
      const m = BLOCKS[block]!.map;
      const row = widths[m];
      map.push(m === 'fine' ? 0 : 1);
      slots.push(slot(block));
      corners.push(cells.y0 * row + cells.x0, cells.y0 * row + cells.x1, cells.y1 * row + cells.x0, cells.y1 * row + cells.x1);
      weight.push(w);
    });
    starts.push(map.length);
  }
  const made = { starts: Int32Array.from(starts), map: Uint8Array.from(map), slot: Uint8Array.from(slots), corners: Int32Array.from(corners), weight: Float32Array.from(weight) };
  plans.set(regions, made);
  return made;
}

/** A block's place among the blocks of its map. */
const slot = (block: number) => BLOCKS.slice(0, block).filter((b) => b.map === BLOCKS[block]!.map).length;

/**
 * Per map, each cell's features times the weights of every block on that map: summed-area tables of
 * (blocks × classes) values per cell.
 */
async function projections(head: Head, tables: PoolingTables): Promise<Record<'fine' | 'coarse', SummedArea>> {
  const k = head.classes;
  const offsets: number[] = [];
  BLOCKS.reduce((offset, block) => (offsets.push(offset), offset + tables[block.map].channels), 0);
  const result = {} as Record<'fine' | 'coarse', SummedArea>;
  for (const map of ['fine', 'coarse'] as const) {
    const table = tables[map];
    const blocks = BLOCKS.flatMap((b, i) => (b.map === map ? [i] : []));
    // Weights as channels × (blocks · classes): column j·k + c is block j's weights for class c.
    const w = new Float32Array(table.channels * blocks.length * k);
    blocks.forEach((block, j) => {
      for (let c = 0; c < k; c++) for (let d = 0; d < table.channels; d++) w[d * blocks.length * k + j * k + c] = head.weights[c * head.dim + offsets[block]! + d]!;
    });
    const data = await matMul(tables.source[map], table.width * table.height, table.channels, w, blocks.length * k);
    result[map] = new SummedArea(table.width, table.height, blocks.length * k, data);
  }
  return result;
}
