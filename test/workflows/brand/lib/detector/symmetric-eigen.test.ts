/** The Jacobi eigen-decomposition and the solve through it, against their definitions. */
import { seededRandom } from '../../../../../src/services';
import { eigenSolve, symmetricEigen } from '../../../../../workflows/brand/lib/detector/symmetric-eigen';

test('Jacobi rotations give eigenpairs: A v = λ v', () => {
  const random = seededRandom(9);
  const b = Array.from({ length: 81 }, () => random() - 0.5);
  const a = Array.from({ length: 81 }, (_, k) => b[Math.floor(k / 9) * 9 + (k % 9)]! + b[(k % 9) * 9 + Math.floor(k / 9)]!);
  const { values, vectors } = symmetricEigen(a, 9);
  for (let e = 0; e < 9; e++) {
    for (let r = 0; r < 9; r++) {
      let av = 0;
      for (let c = 0; c < 9; c++) av += a[9 * r + c]! * vectors[9 * c + e]!;
      expect(av).toBeCloseTo(values[e]! * vectors[9 * r + e]!, 9);
    }
  }
});

test('solving through the decomposition gives A x = b for a well-conditioned A', () => {
  const a = Float64Array.of(4, 1, 0, 1, 3, 1, 0, 1, 2);
  const x = eigenSolve(a, Float64Array.of(1, 2, 3), 3);
  for (let r = 0; r < 3; r++) expect(a[3 * r]! * x[0]! + a[3 * r + 1]! * x[1]! + a[3 * r + 2]! * x[2]!).toBeCloseTo([1, 2, 3][r]!, 12);
});
