/**
 * The blocked Gram matrix and target correlations against plain dot products, for every remainder
 * the blocks leave (p and the number of targets around multiples of 2 and 4): each entry is summed
 * over the samples in the same order, so they must agree to the bit.
 */
import { seededRandom } from '../../../../src/services';
import type { Design } from '../../../../workflows/energy/lib/design';
import { computeGram, correlations } from '../../../../workflows/energy/lib/gram';

function randomDesign(n: number, p: number, targets: number, seed: number): Design {
  const random = seededRandom(seed);
  const columns = Float64Array.from({ length: n * p }, () => random() * 2 - 1);
  const y = Float64Array.from({ length: n * targets }, () => random() * 2 - 1);
  return { n, p, columns, columnMeans: new Float64Array(p), targets: y, targetMeans: new Float64Array(targets), targetScales: [], testRow: new Float64Array(p) };
}

function dot(x: Float64Array, a: number, y: Float64Array, b: number, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[a + i] * y[b + i];
  return sum;
}

describe.each([
  [1, 1],
  [2, 1],
  [3, 2],
  [4, 3],
  [5, 4],
  [6, 5],
  [7, 24],
  [9, 23],
  [13, 6],
])('p=%i features, %i targets', (p, targets) => {
  const n = 17;
  const design = randomDesign(n, p, targets, p * 100 + targets);

  it('gives the Gram matrix of plain dot products, symmetric', () => {
    const gram = computeGram(design);
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) expect(gram.centred[a * p + b]).toBe(dot(design.columns, Math.min(a, b) * n, design.columns, Math.max(a, b) * n, n));
    }
  });

  it("gives every target's correlations of plain dot products", () => {
    const xy = correlations(design);
    expect(xy).toHaveLength(targets * p);
    for (let h = 0; h < targets; h++) {
      for (let j = 0; j < p; j++) expect(xy[h * p + j]).toBe(dot(design.columns, j * n, design.targets, h * n, n));
    }
  });
});
