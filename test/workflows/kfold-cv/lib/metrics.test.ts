import { accuracy, mean, numpySum, std, variance } from '../../../../workflows/kfold-cv/lib/metrics';

describe('metrics', () => {
  it('accuracy is the share of equal predictions', () => {
    expect(accuracy([0, 1, 2, 2], [0, 2, 2, 2])).toBe(0.75);
    expect(() => accuracy([0], [0, 1])).toThrow(RangeError);
    expect(() => accuracy([], [])).toThrow(RangeError);
  });

  it('std is the population standard deviation (ddof=0)', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
    expect(variance([2, 4, 4, 4, 5, 5, 7, 9])).toBe(4);
    expect(std([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(std([3])).toBe(0);
    expect(() => mean([])).toThrow(RangeError);
  });

  it("sums pairwise like numpy, not left to right (0.1 × 10: numpy gives 1.0, a plain loop 0.9999999999999999)", () => {
    const tenths = Array<number>(10).fill(0.1);
    expect(tenths.reduce((sum, value) => sum + value, 0)).toBe(0.9999999999999999);
    expect(numpySum(tenths)).toBe(1);
  });

  it('splits arrays over 128 values into halves aligned to 8, as numpy does', () => {
    const values = Array.from({ length: 300 }, (_, i) => 1 / (i + 1));
    const half = 144; // floor(300 / 2) rounded down to a multiple of 8
    expect(numpySum(values)).toBe(numpySum(values.slice(0, half)) + numpySum(values.slice(half)));
  });
});
