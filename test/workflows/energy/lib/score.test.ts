/** The score of one published forecast, worked by hand. */
import { scoreForecast } from '../../../../workflows/energy/lib';

test('P50 errors give MAE and sMAPE; the band gives pinball and P10–P90 coverage', () => {
  const actual = [10, 20, 30, 40];
  const band = { p10: [8, 21, 25, 30], p50: [11, 19, 30, 44], p90: [12, 22, 35, 39] };
  const score = scoreForecast(actual, band);
  // |errors| of P50: 1, 1, 0, 4.
  expect(score.mae).toBeCloseTo(6 / 4, 12);
  expect(score.smape).toBeCloseTo((100 / 4) * (2 / 21 + 2 / 39 + 0 + 8 / 84), 12);
  // Hours 0 and 2 lie in [P10, P90]; hour 1 is below P10, hour 3 above P90.
  expect(score.coverage).toBe(0.5);
  const p10 = (0.1 * 2 + 0.9 * 1 + 0.1 * 5 + 0.1 * 10) / 4;
  const p50 = (0.5 * 1 + 0.5 * 1 + 0 + 0.5 * 4) / 4;
  const p90 = (0.1 * 2 + 0.1 * 2 + 0.1 * 5 + 0.9 * 1) / 4;
  expect(score.pinball).toBeCloseTo((p10 + p50 + p90) / 3, 12);
  expect(score.hours).toBe(4);
});

test('a forecast of another length than the prices is refused', () => {
  expect(() => scoreForecast([1, 2], { p10: [1], p50: [1], p90: [1] })).toThrow(RangeError);
});
