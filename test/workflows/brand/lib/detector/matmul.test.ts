import { matMul } from '../../../../../workflows/brand/lib/detector/matmul';
import { seededRandom } from '../../../../../src/services';

test.each([
  [1, 1, 1],
  [3, 5, 2],
  [64, 192, 28],
])('a %i×%i by %i-column product equals the plain sum of products', async (rows, inner, columns) => {
  const random = seededRandom(rows + inner + columns);
  const a = Float32Array.from({ length: rows * inner }, () => random() * 2 - 1);
  const b = Float32Array.from({ length: inner * columns }, () => random() * 2 - 1);
  const product = await matMul(a, rows, inner, b, columns);
  expect(product).toHaveLength(rows * columns);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++) {
      let sum = 0;
      for (let k = 0; k < inner; k++) sum += a[r * inner + k]! * b[k * columns + c]!;
      expect(product[r * columns + c]).toBeCloseTo(sum, 4);
    }
});

test('sizes that do not match the values are refused', async () => {
  await expect(matMul(new Float32Array(6), 2, 3, new Float32Array(5), 2)).rejects.toThrow('A 2×3 by 3×2 product needs 6 and 6 values, not 6 and 5.');
});
