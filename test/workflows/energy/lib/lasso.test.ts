/**
 * The LARS-lasso + AIC choice and the exact refit against scikit-learn on small problems (the
 * fixture's generator is beside it), and the refit's optimality conditions.
 */
import type { Design } from '../../../../workflows/energy/lib/design';
import { computeGram, correlations } from '../../../../workflows/energy/lib/gram';
import { chooseAlphaByAic, LeastSquaresFloor } from '../../../../workflows/energy/lib/lars-aic';
import { lassoRefit } from '../../../../workflows/energy/lib/lasso-refit';
import fixture from './fixtures/lasso-sklearn.json';

interface Case {
  n: number;
  p: number;
  X: number[][];
  y: number[];
  alphas: number[];
  best: number;
  coef: number[];
  intercept: number;
}

function designOf(c: Case): Design & { yMean: number; xMeans: Float64Array } {
  const { n, p } = c;
  const columns = new Float64Array(n * p);
  const xMeans = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) xMeans[j] += c.X[i][j] / n;
    for (let i = 0; i < n; i++) columns[j * n + i] = c.X[i][j] - xMeans[j];
  }
  const yMean = c.y.reduce((a, b) => a + b, 0) / n;
  const targets = Float64Array.from(c.y, (v) => v - yMean);
  return { n, p, columns, columnMeans: xMeans, targets, targetMeans: Float64Array.of(yMean), targetScales: [], testRow: new Float64Array(p), yMean, xMeans };
}

describe.each((fixture.cases as Case[]).map((c) => [`n=${c.n} p=${c.p}`, c] as const))('lasso on %s', (_name, c) => {
  const design = designOf(c);
  const gram = computeGram(design);
  const xy = correlations(design);
  const xyNormalised = xy.map((v, j) => v / gram.norms[j]);
  const yy = design.targets.reduce((a, v) => a + v * v, 0);
  const floor = c.n > c.p ? new LeastSquaresFloor(gram.normalised, c.p) : undefined;

  it("chooses scikit-learn's AIC node and alpha, with or without stopping early", () => {
    const full = chooseAlphaByAic(gram.normalised, c.p, xyNormalised, yy, c.n, floor, { slack: Infinity });
    const early = chooseAlphaByAic(gram.normalised, c.p, xyNormalised, yy, c.n, floor);
    expect(full.node).toBe(c.best);
    expect(early.node).toBe(c.best);
    expect(early.alpha).toBeCloseTo(c.alphas[c.best], 12);
    expect(early.nodes).toBeLessThanOrEqual(full.nodes);
  });

  it("refits to scikit-learn's converged Lasso coefficients", () => {
    const w = lassoRefit(gram.centred, c.p, xy, c.n, c.alphas[c.best]);
    for (let j = 0; j < c.p; j++) expect(w[j]).toBeCloseTo(c.coef[j], 7);
    const intercept = design.yMean - w.reduce((a, v, j) => a + v * design.xMeans[j], 0);
    expect(intercept).toBeCloseTo(c.intercept, 7);
  });

  it.each([0.5, 0.1, 0.01])('meets the lasso optimality conditions at alpha × %s of the largest', (share) => {
    const alpha = (share * Math.max(...xy.map(Math.abs))) / c.n;
    const w = lassoRefit(gram.centred, c.p, xy, c.n, alpha);
    for (let j = 0; j < c.p; j++) {
      let gradient = xy[j];
      for (let k = 0; k < c.p; k++) gradient -= gram.centred[j * c.p + k] * w[k];
      gradient /= c.n;
      if (w[j] !== 0) expect(gradient).toBeCloseTo(alpha * Math.sign(w[j]), 9);
      else expect(Math.abs(gradient)).toBeLessThanOrEqual(alpha + 1e-9);
    }
  });
});
