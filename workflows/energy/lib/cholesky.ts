/**
 * The Cholesky factor L of G restricted to an ordered active set, grown one variable at a time
 * (a triangular solve per addition) and downdated when one leaves.
 */
export class Cholesky {
  private readonly l: Float64Array;
  /** Lᵀ, kept beside L so the back substitution reads rows rather than columns of a p-wide matrix. */
  private readonly lt: Float64Array;
  private size = 0;
  private readonly row: Float64Array;
  private readonly work: Float64Array;

  constructor(
    private readonly gram: Float64Array,
    private readonly p: number,
  ) {
    this.l = new Float64Array(p * p);
    this.lt = new Float64Array(p * p);
    this.row = new Float64Array(p);
    this.work = new Float64Array(p);
  }

  /**
   * Tries to append `j` after `active` (which the factor currently covers). Returns the new pivot;
   * the factor grows only when the pivot is usable, as `minPivot` below says.
   */
  append(active: readonly number[], j: number, minPivot = 1e-7): number {
    const { l, p, gram, row } = this;
    const k = this.size;
    for (let a = 0; a < k; a++) {
      let sum = gram[active[a] * p + j];
      for (let b = 0; b < a; b++) sum -= l[a * p + b] * row[b];
      row[a] = sum / l[a * p + a];
    }
    let v = 0;
    for (let a = 0; a < k; a++) v += row[a] * row[a];
    const pivot = Math.max(Math.sqrt(Math.abs(gram[j * p + j] - v)), Number.EPSILON);
    if (pivot < minPivot) return pivot;
    for (let a = 0; a < k; a++) {
      l[k * p + a] = row[a];
      this.lt[a * p + k] = row[a];
    }
    l[k * p + k] = pivot;
    this.lt[k * p + k] = pivot;
    this.size = k + 1;
    return pivot;
  }

  /**
   * Removes position `a` of the active order: the row goes, and Givens rotations on neighbouring
   * columns make the factor triangular again (L Lᵀ is unchanged by them), O(k²) instead of a refactor.
   */
  remove(a: number): void {
    const { l, p } = this;
    const k = this.size;
    for (let i = a; i < k - 1; i++) {
      for (let c = 0; c <= i + 1; c++) l[i * p + c] = l[(i + 1) * p + c];
    }
    for (let i = a; i < k - 1; i++) {
      const x = l[i * p + i];
      const y = l[i * p + i + 1];
      const r = Math.hypot(x, y);
      const cos = x / r;
      const sin = y / r;
      for (let row = i; row < k - 1; row++) {
        const u = l[row * p + i];
        const v = l[row * p + i + 1];
        l[row * p + i] = cos * u + sin * v;
        l[row * p + i + 1] = -sin * u + cos * v;
      }
      l[i * p + i + 1] = 0;
      if (l[i * p + i] < 0) {
        for (let row = i; row < k - 1; row++) l[row * p + i] = -l[row * p + i];
      }
    }
    this.size = k - 1;
    // Removals are rare next to solves: Lᵀ is simply copied again.
    for (let row = 0; row < k - 1; row++) {
      for (let c = 0; c <= row; c++) this.lt[c * p + row] = l[row * p + c];
    }
  }

  /** Solves (L Lᵀ) x = b for the current size; the result is a view valid until the next call. */
  solve(b: readonly number[]): Float64Array {
    const { l, lt, p, work } = this;
    const k = this.size;
    for (let a = 0; a < k; a++) {
      let sum = b[a];
      for (let c = 0; c < a; c++) sum -= l[a * p + c] * work[c];
      work[a] = sum / l[a * p + a];
    }
    for (let a = k - 1; a >= 0; a--) {
      let sum = work[a];
      for (let c = a + 1; c < k; c++) sum -= lt[a * p + c] * work[c];
      work[a] = sum / l[a * p + a];
    }
    return work.subarray(0, k);
  }
}
