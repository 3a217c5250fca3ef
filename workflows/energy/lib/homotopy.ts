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
const INACTIVE = 0;
const ACTIVE = 1;
const SKIPPED = 2;

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
  /** Per variable: INACTIVE, ACTIVE or SKIPPED (degenerate, never entered). */
  private readonly state: Uint8Array;
  /** The inactive variable of largest |correlation|, found while the last step updated them (-1: not known). */
  private next = -1;
  private readonly cholesky: Cholesky;
  private dropped = false;
  private steps = 0;
  private previousC = Infinity;
  private readonly direction: Float64Array;
  private readonly along: Float64Array;

  constructor(
    private readonly gram: Float64Array,
    private readonly p: number,
    xy: Float64Array,
    private readonly maxIter = 2500,
  ) {
    this.beta = new Float64Array(p);
    this.corr = Float64Array.from(xy);
    this.state = new Uint8Array(p);
    this.cholesky = new Cholesky(gram, p);
    this.direction = new Float64Array(p);
    this.along = new Float64Array(p);
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
    // Along the direction the active correlations fall by exactly their signs (G_AA u = s_A); the
    // others by G_iA u, accumulated over rows of G (symmetric: row j is column j), four at a time, which
    // streams through memory where gathering G_iA for each i would not.
    along.fill(0);
    let t = 0;
    for (; t + 4 <= k; t += 4) {
      const d0 = (direction[t] = u[t]);
      const d1 = (direction[t + 1] = u[t + 1]);
      const d2 = (direction[t + 2] = u[t + 2]);
      const d3 = (direction[t + 3] = u[t + 3]);
      const r0 = active[t] * p;
      const r1 = active[t + 1] * p;
      const r2 = active[t + 2] * p;
      const r3 = active[t + 3] * p;
      for (let i = 0; i < p; i++) along[i] += gram[r0 + i] * d0 + gram[r1 + i] * d1 + gram[r2 + i] * d2 + gram[r3 + i] * d3;
    }
    for (; t < k; t++) {
      const d = (direction[t] = u[t]);
      const row = active[t] * p;
      for (let i = 0; i < p; i++) along[i] += gram[row + i] * d;
    }
    for (let a = 0; a < k; a++) along[active[a]] = this.signs[a];
    const C = this.c;
    let delta = C;
    const { state, corr } = this;
    for (let i = 0; i < p; i++) {
      if (state[i] !== INACTIVE) continue;
      const ci = corr[i];
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
    this.steps++;
    this.previousC = C;
    if (this.dropped || stopAtFloor) {
      for (let i = 0; i < p; i++) if (state[i] !== SKIPPED) corr[i] -= delta * along[i];
      if (stopAtFloor) {
        this.c = floorC;
        this.done = true;
        return true;
      }
      this.drop(crossing);
      this.c = this.maxInactive().value;
      return true;
    }
    // The correlations move and the next entering variable is found in one pass.
    let index = -1;
    let value = 0;
    for (let i = 0; i < p; i++) {
      const s = state[i];
      if (s === SKIPPED) continue;
      const ci = (corr[i] -= delta * along[i]);
      if (s !== INACTIVE) continue;
      const v = Math.abs(ci);
      if (v > value || index < 0) {
        value = v;
        index = i;
      }
    }
    this.next = index;
    this.c = value;
    return true;
  }

  /** Adds the inactive variable of largest |correlation|, skipping degenerate ones. */
  private enterNext(): boolean {
    for (;;) {
      const known = this.next;
      this.next = -1;
      const { index, value } = known >= 0 ? { index: known, value: this.c } : this.maxInactive();
      if (index < 0) return false;
      this.c = value;
      if (this.cholesky.append(this.active, index) < DEGENERATE_PIVOT) {
        this.state[index] = SKIPPED;
        continue;
      }
      this.active.push(index);
      this.signs.push(Math.sign(this.corr[index]));
      this.state[index] = ACTIVE;
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
      this.state[j] = INACTIVE;
    }
  }

  private maxInactive(): { index: number; value: number } {
    let index = -1;
    let value = 0;
    for (let i = 0; i < this.p; i++) {
      if (this.state[i] !== INACTIVE) continue;
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
