/**
 * The penalty of one hour model, chosen as scikit-learn's `LassoLarsIC(criterion='aic')` did before
 * version 1.1: walk the LARS-lasso path on the column-normalised features and take the node that
 * minimises AIC = n·MSE / var(y) + 2·df (df = non-zero coefficients). The path is left as soon as no
 * later node can beat the best AIC so far: MSE never falls below the least-squares MSE, so a later
 * node costs at least that plus 2·df, and df can only shrink by the variables that leave.
 */
import { Cholesky } from './cholesky';
import { LassoHomotopy } from './homotopy';

const FLOAT64_EPS = Number.EPSILON;

export interface AicChoice {
  /** The chosen alpha, in scikit-learn's units (C / n_samples). */
  readonly alpha: number;
  /** Index of the chosen node (0 = no variable). */
  readonly node: number;
  /** Nodes walked. */
  readonly nodes: number;
}

export interface AicOptions {
  /**
   * How many variables may still leave the active set after the stopping point: the walk stops once
   * `floor + 2·(df − slack)` exceeds the best AIC. `Infinity` walks the whole path.
   * @default 6
   */
  readonly slack?: number;
}

/** Least-squares residual sums on one Gram matrix: factored once, shared by the 24 hour models. */
export class LeastSquaresFloor {
  private readonly factor: Cholesky;
  private readonly kept: number[] = [];

  constructor(gram: Float64Array, p: number) {
    this.factor = new Cholesky(gram, p);
    // Dependent columns (the centred weekday dummies sum to zero) add nothing to the span: skip them.
    for (let j = 0; j < p; j++) {
      const minPivot = 1e-7 * Math.sqrt(gram[j * p + j]);
      if (minPivot > 0 && this.factor.append(this.kept, j, minPivot) >= minPivot) this.kept.push(j);
    }
  }

  /** min over β of ‖y − Xβ‖², from yᵀy and Xᵀy. */
  residual(yy: number, xy: Float64Array): number {
    const b = this.kept.map((j) => xy[j]);
    const x = this.factor.solve(b);
    let explained = 0;
    for (let a = 0; a < b.length; a++) explained += b[a] * x[a];
    return Math.max(yy - explained, 0);
  }
}

export function chooseAlphaByAic(gram: Float64Array, p: number, xy: Float64Array, yy: number, n: number, floor: LeastSquaresFloor | undefined, options: AicOptions = {}): AicChoice {
  const slack = options.slack ?? 6;
  const path = new LassoHomotopy(gram, p, xy);
  const sigma2 = yy / n + FLOAT64_EPS;
  const floorTerm = floor ? floor.residual(yy, xy) / sigma2 : 0;
  let best = aic(path, xy, yy, sigma2);
  let bestAlpha = path.c / n;
  let bestNode = 0;
  let node = 0;
  while (path.step()) {
    node++;
    const value = aic(path, xy, yy, sigma2);
    if (value < best) {
      best = value;
      bestAlpha = path.c / n;
      bestNode = node;
    }
    if (floorTerm + 2 * (nonZero(path) - slack) > best) break;
  }
  return { alpha: bestAlpha, node: bestNode, nodes: node + 1 };
}

function aic(path: LassoHomotopy, xy: Float64Array, yy: number, sigma2: number): number {
  // ‖y − Xβ‖² = yᵀy − βᵀXᵀy − βᵀ(Xᵀy − XᵀXβ): the current correlations give the quadratic term.
  let rss = yy;
  for (const j of path.active) rss -= path.beta[j] * (xy[j] + path.corr[j]);
  return rss / sigma2 + 2 * nonZero(path);
}

function nonZero(path: LassoHomotopy): number {
  let df = 0;
  for (const j of path.active) if (Math.abs(path.beta[j]) > FLOAT64_EPS) df++;
  return df;
}
