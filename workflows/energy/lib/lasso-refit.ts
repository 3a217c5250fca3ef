/**
 * The plain lasso refit with the chosen alpha on the un-normalised (centred) features, as
 * scikit-learn's `Lasso(alpha).fit` defines it: min 1/(2n)‖y − Xw‖² + α‖w‖₁. Solved exactly by
 * following the homotopy on the same features down to C = n·α, instead of coordinate descent.
 */
import { LassoHomotopy } from './homotopy';

export function lassoRefit(gram: Float64Array, p: number, xy: Float64Array, n: number, alpha: number): Float64Array {
  const path = new LassoHomotopy(gram, p, xy);
  const target = n * alpha;
  while (!path.done && path.c > target) path.step(target);
  return path.beta;
}
