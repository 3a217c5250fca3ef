import { fitScale, inverse, medianInPlace, NORMAL_MAD_FACTOR, transform } from '../../../../workflows/energy/lib/scaler';

describe('the asinh-median/MAD transform', () => {
  it.each([
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
    [[-7, 7, 0, 0, 1, -1], 0],
    [[2, 2, 2, 9, 9, 9, 9, 9], 9],
  ])('median of %j is %d (numpy: the mean of the middle two for an even count)', (values, median) => {
    expect(medianInPlace(Float64Array.from(values), values.length)).toBe(median);
  });

  it('fits median and MAD on a strided column and inverts exactly', () => {
    // Column 1 of a 3-column row-major block: 10, 12, 20, 11, 13.
    const block = Float64Array.of(0, 10, 0, 0, 12, 0, 0, 20, 0, 0, 11, 0, 0, 13, 0);
    const scale = fitScale(block, 1, 3, 5, new Float64Array(5));
    expect(scale.median).toBe(12);
    expect(scale.mad).toBeCloseTo(1 / NORMAL_MAD_FACTOR, 12);
    for (const x of [-50, 0, 12, 99.5]) expect(inverse(transform(x, scale), scale)).toBeCloseTo(x, 9);
  });

  it('keeps a column that is constant on most of the window finite', () => {
    const scale = fitScale(Float64Array.of(0, 0, 0, 0, 8), 0, 1, 5, new Float64Array(5));
    expect(scale.median).toBe(0);
    expect(scale.mad).toBeGreaterThan(0);
    expect(Number.isFinite(transform(8, scale))).toBe(true);
  });
});
