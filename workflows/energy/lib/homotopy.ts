/**
 * The lasso homotopy (LARS with the lasso modification) on a Gram matrix: from β = 0 it follows
 * the piecewise-linear solution path of min ½‖y − Xβ‖² + C‖β‖₁ as C falls, one node per variable
 * entering or leaving the active set. At every node the inactive correlations are at most C and the
 * active ones equal ±C. scikit-learn's `lars_path(method='lasso')` walks the same nodes (its alpha is
 * C / n_samples); its stopping rules and tolerances are kept so the node sequence is the same.
 */
import { Cholesky } from './cholesky';

/** scikit-learn's `equality_tolerance` (float32 eps) and its denominator guard (float32 tiny). */
const EQUALITY_TOLERANCE = 1.1920928955078125e-7;
const TINY32 = 1.1754943508222875e-38;
/** A new Cholesky pivot below this marks a degenerate regressor, which is skipped. */
const DEGENERATE_PIVOT = 1e-7;

export class LassoHomotopy {
  /** Coefficients at the current node, all p of them. */
  readonly beta: Float64Array;
  /** Current correlations Xᵀ(y − Xβ). */
  readonly corr: Float64Array;
  readonly active: number[] = [];
  /** C at the current node: the largest inactive |correlation|. */
  c = 0;
  done = false;
  private readonly signs: number[] = [];
  private readonly isActive: Uint8Array;
  private readonly skipped: Uint8Array;
  private readonly cholesky: Cholesky;
  private dropped = false;
  private steps = 0;
  private previousC = Infinity;
  private readonly direction: Float64Array;
  private readonly along: Float64Array;
  private readonly inactive: Int32Array;

  constructor(
    private readonly gram: Float64Array,
    private readonly p: number,
    xy: Float64Array,
    private readonly maxIter = 2500,
  ) {
    this.beta = new Float64Array(p);
    this.corr = Float64Array.from(xy);
    this.isActive = new Uint8Array(p);
    this.skipped = new Uint8Array(p);
    this.cholesky = new Cholesky(gram, p);
    this.direction = new Float64Array(p);
    this.along = new Float64Array(p);
    this.inactive = new Int32Array(p);
    this.c = this.maxInactive().value;
  }


  /**
   * Moves to the next node; with `floorC` the move stops at C = floorC instead if that comes first
   * (the exact solution at that penalty). Returns false, with the path unchanged, once it has ended.
   */
  step(floorC = 0): boolean {
    if (this.done) return false;
    if (!this.dropped && !this.enterNext()) return this.finish();
    if (this.steps >= this.maxIter || this.c <= EQUALITY_TOLERANCE) return this.finish();
    if (this.steps > 0 && this.previousC < this.c) return this.finish();
    const { active, direction, along, p, gram } = this;
    const k = active.length;
    const u = this.cholesky.solve(this.signs);
    // Along the direction the active correlations fall by exactly their signs (G_AA u = s_A); only
    // the inactive ones need G_{iA} u, and skipping the rest halves the work late in a long path.
    const inactive = this.inactive;
    let m = 0;
    for (let i = 0; i < p; i++) if (!this.isActive[i] && !this.skipped[i]) inactive[m++] = i;
    for (let a = 0; a < k; a++) {
      direction[a] = u[a];
      along[active[a]] = this.signs[a];
    }
    for (let t = 0; t < m; t++) {
      const row = inactive[t] * p;
      let sum = 0;
      for (let a = 0; a < k; a++) sum += gram[row + active[a]] * direction[a];
      along[inactive[t]] = sum;
    }
    const C = this.c;
    let delta = C;
    for (let i = 0; i < p; i++) {
      if (this.isActive[i] || this.skipped[i]) continue;
      const ci = this.corr[i];
      const ai = along[i];
      const d1 = (C - ci) / (1 - ai + TINY32);
      if (d1 > 0 && d1 < delta) delta = d1;
      const d2 = (C + ci) / (1 + ai + TINY32);
      if (d2 > 0 && d2 < delta) delta = d2;
    }
    let dropAt = Infinity;
    const crossing: number[] = [];
    for (let a = 0; a < k; a++) {
      const z = -this.beta[active[a]] / (direction[a] + TINY32);
      if (!(z > 0)) continue;
      if (z < dropAt) {
        dropAt = z;
        crossing.length = 0;
      }
      if (z === dropAt) crossing.push(active[a]);
    }
    this.dropped = dropAt < delta;
    if (this.dropped) delta = dropAt;
    const stopAtFloor = C - delta < floorC;
    if (stopAtFloor) {
      delta = C - floorC;
      this.dropped = false;
    }
    for (let a = 0; a < k; a++) this.beta[active[a]] += delta * direction[a];
    for (let i = 0; i < p; i++) if (!this.skipped[i]) this.corr[i] -= delta * along[i];
    this.steps++;
    this.previousC = C;
    if (this.dropped) this.drop(crossing);
    if (stopAtFloor) {
      this.c = floorC;
      this.done = true;
      return true;
    }
    this.c = this.maxInactive().value;
    return true;
  }

  /** Adds the inactive variable of largest |correlation|, skipping degenerate ones. */
  private enterNext(): boolean {
    for (;;) {
      const { index, value } = this.maxInactive();
      if (index < 0) return false;
      this.c = value;
      if (this.cholesky.append(this.active, index) < DEGENERATE_PIVOT) {
        this.skipped[index] = 1;
        continue;
      }
      this.active.push(index);
      this.signs.push(Math.sign(this.corr[index]));
      this.isActive[index] = 1;
      return true;
    }
  }

  /** Removes the active variables whose coefficient reached zero in this step. */
  private drop(crossing: readonly number[]): void {
    for (const j of crossing) {
      const a = this.active.indexOf(j);
      this.active.splice(a, 1);
      this.signs.splice(a, 1);
      this.cholesky.remove(a);
      this.beta[j] = 0;
      this.isActive[j] = 0;
    }
  }

  private maxInactive(): { index: number; value: number } {
    let index = -1;
    let value = 0;
    for (let i = 0; i < this.p; i++) {
      if (this.isActive[i] || this.skipped[i]) continue;
      const v = Math.abs(this.corr[i]);
      if (v > value || index < 0) {
        value = v;
        index = i;
      }
    }
    return { index, value };
  }

  private finish(): false {
    this.done = true;
    return false;
  }
}
