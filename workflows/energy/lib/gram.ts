/**
 * The Gram matrix of a design's centred columns, computed once per day and window and shared by
 * the 24 hour models, and its column-normalised form (each column divided by its L2 norm, as
 * scikit-learn's `normalize=True` does before the LARS path).
 */
import type { Design } from './design';

export interface Gram {
  readonly p: number;
  /** Xcᵀ Xc, row-major, symmetric. */
  readonly centred: Float64Array;
  /** L2 norms of the centred columns (1 for a constant column, as scikit-learn). */
  readonly norms: Float64Array;
  /** Dᵀ Xcᵀ Xc D with D = diag(1 / norms). */
  readonly normalised: Float64Array;
}

export function computeGram(design: Design): Gram {
  const { n, p, columns } = design;
  const centred = new Float64Array(p * p);
  // Two rows by four columns of the upper triangle at a time: eight independent sums share six
  // column loads per sample, where one sum at a time waits on its own additions. Each entry is
  // still summed over the samples in order, so the matrix is the same to the bit.
  for (let a = 0; a < p; a += 2) {
    if (a + 1 === p) {
      for (let b = a; b < p; b++) setSymmetric(centred, p, a, b, dot(columns, a * n, b * n, n));
      break;
    }
    const oa = a * n;
    const oa1 = oa + n;
    let b = a;
    for (; b + 4 <= p; b += 4) {
      const o0 = b * n;
      const o1 = o0 + n;
      const o2 = o1 + n;
      const o3 = o2 + n;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let i = 0; i < n; i++) {
        const x0 = columns[oa + i];
        const x1 = columns[oa1 + i];
        const c0 = columns[o0 + i];
        const c1 = columns[o1 + i];
        const c2 = columns[o2 + i];
        const c3 = columns[o3 + i];
        s00 += x0 * c0;
        s01 += x0 * c1;
        s02 += x0 * c2;
        s03 += x0 * c3;
        s10 += x1 * c0;
        s11 += x1 * c1;
        s12 += x1 * c2;
        s13 += x1 * c3;
      }
      setSymmetric(centred, p, a, b, s00);
      setSymmetric(centred, p, a, b + 1, s01);
      setSymmetric(centred, p, a, b + 2, s02);
      setSymmetric(centred, p, a, b + 3, s03);
      // The block's (a + 1, a) entry is the mirror of (a, a + 1), the same sum: left alone.
      if (b > a) setSymmetric(centred, p, a + 1, b, s10);
      setSymmetric(centred, p, a + 1, b + 1, s11);
      setSymmetric(centred, p, a + 1, b + 2, s12);
      setSymmetric(centred, p, a + 1, b + 3, s13);
    }
    for (; b < p; b++) {
      setSymmetric(centred, p, a, b, dot(columns, oa, b * n, n));
      if (b > a) setSymmetric(centred, p, a + 1, b, dot(columns, oa1, b * n, n));
    }
  }
  const norms = new Float64Array(p);
  for (let j = 0; j < p; j++) norms[j] = Math.sqrt(centred[j * p + j]) || 1;
  const normalised = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < p; b++) normalised[a * p + b] = centred[a * p + b] / (norms[a] * norms[b]);
  }
  return { p, centred, norms, normalised };
}

/** Xcᵀ y for every target of the design (its 24 hours): row h, at `h·p`, is target h's. */
export function correlations(design: Design): Float64Array {
  const { n, p, columns, targets } = design;
  const hours = design.targetMeans.length;
  const out = new Float64Array(hours * p);
  for (let j = 0; j < p; j++) {
    const oj = j * n;
    let h = 0;
    // Four targets per pass over a column, for the same reason as the Gram's blocks.
    for (; h + 4 <= hours; h += 4) {
      const t0 = h * n;
      const t1 = t0 + n;
      const t2 = t1 + n;
      const t3 = t2 + n;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let i = 0; i < n; i++) {
        const x = columns[oj + i];
        s0 += x * targets[t0 + i];
        s1 += x * targets[t1 + i];
        s2 += x * targets[t2 + i];
        s3 += x * targets[t3 + i];
      }
      out[h * p + j] = s0;
      out[(h + 1) * p + j] = s1;
      out[(h + 2) * p + j] = s2;
      out[(h + 3) * p + j] = s3;
    }
    for (; h < hours; h++) out[h * p + j] = dot2(columns, oj, targets, h * n, n);
  }
  return out;
}

function dot(values: Float64Array, a: number, b: number, n: number): number {
  return dot2(values, a, values, b, n);
}

function dot2(x: Float64Array, a: number, y: Float64Array, b: number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[a + i] * y[b + i];
  return sum;
}

function setSymmetric(matrix: Float64Array, p: number, a: number, b: number, value: number): void {
  matrix[a * p + b] = value;
  matrix[b * p + a] = value;
}
