import { bandPinball, coverage, mae, naiveWeeklyMae, pinball, rmae, rmse, smape } from '../../../../workflows/energy/lib/metrics';
import { publishedSeries, readPublishedForecasts } from '../../../../workflows/energy/lib/published-forecasts';
import { NP_PUBLISHED } from './energy-data';

describe('metrics', () => {
  const actual = [10, -2, 0, 4];
  const predicted = [12, -1, 0, 1];

  it.each([
    ['MAE', mae(actual, predicted), (2 + 1 + 0 + 3) / 4],
    ['RMSE', rmse(actual, predicted), Math.sqrt((4 + 1 + 0 + 9) / 4)],
    ['sMAPE (a 0/0 hour counts 0)', smape(actual, predicted), (100 * (4 / 22 + 2 / 3 + 0 + 6 / 5)) / 4],
    ['pinball at 0.9', pinball(actual, predicted, 0.9), (0.1 * 2 + 0.1 * 1 + 0 + 0.9 * 3) / 4],
    ['pinball at 0.1', pinball(actual, predicted, 0.1), (0.9 * 2 + 0.9 * 1 + 0 + 0.1 * 3) / 4],
    ['coverage (bounds inclusive)', coverage(actual, { p10: [9, -2, 1, 0], p50: predicted, p90: [11, 0, 2, 3] }), 2 / 4],
  ])('%s', (_name, value, expected) => {
    expect(value).toBeCloseTo(expected, 12);
  });

  it('refuses series of different lengths', () => {
    expect(() => mae([1, 2], [1])).toThrow(RangeError);
    expect(() => naiveWeeklyMae(new Array(168).fill(1))).toThrow(/more than a week/);
  });

  it('reproduces the benchmark table from the published forecasts', () => {
    const published = readPublishedForecasts(NP_PUBLISHED);
    const real = publishedSeries(published, 'Real price');
    expect(naiveWeeklyMae(real)).toBeCloseTo(4.135, 3);
    const rows: Array<[string, number, number, number, number]> = [
      ['LEAR 56', 1.964, 0.475, 5.66, 3.671],
      ['LEAR 1456', 1.99, 0.481, 5.66, 3.604],
      ['LEAR Ensemble', 1.738, 0.42, 5.01, 3.362],
      ['DNN Ensemble', 1.683, 0.407, 4.88, 3.319],
    ];
    for (const [name, maeValue, rmaeValue, smapeValue, rmseValue] of rows) {
      const forecast = publishedSeries(published, name);
      expect([name, round(mae(real, forecast), 3), round(rmae(real, forecast), 3), round(smape(real, forecast), 2), round(rmse(real, forecast), 3)]).toEqual([name, maeValue, rmaeValue, smapeValue, rmseValue]);
    }
    const band = { p10: publishedSeries(published, 'DNN 1'), p50: publishedSeries(published, 'DNN Ensemble'), p90: publishedSeries(published, 'DNN 4') };
    expect(bandPinball(real, band)).toBeGreaterThan(0);
  });
});

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
