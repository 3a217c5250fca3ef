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
  for (let a = 0; a < p; a++) {
    const oa = a * n;
    for (let b = a; b < p; b++) {
      const ob = b * n;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += columns[oa + i] * columns[ob + i];
      centred[a * p + b] = sum;
      centred[b * p + a] = sum;
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

/** Xcᵀ y for hour `h`'s centred target. */
export function correlations(design: Design, h: number): Float64Array {
  const { n, p, columns, targets } = design;
  const out = new Float64Array(p);
  const oy = h * n;
  for (let j = 0; j < p; j++) {
    const oj = j * n;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += columns[oj + i] * targets[oy + i];
    out[j] = sum;
  }
  return out;
}
