/** The forecast day's band from its members and the calibration days: the lib's band, or the members' spread before any calibration day. */
import { bandFor, weightedPoint } from '../../../../workflows/energy/tasks/band';
import { DEFAULT_FORECASTER, type ForecasterConfig } from '../../../../workflows/energy/schemas/model';
import { configBands } from '../../../../workflows/energy/lib';

const two: ForecasterConfig = { windows: [56, 84], weights: [0.25, 0.75], band: { method: 'conformal', calibrationDays: 7, recentDays: 2, recentWeight: 0.5 } };
const members = (a: number, b: number) => Float64Array.from({ length: 48 }, (_, i) => (i < 24 ? a : b));

test('the point is the weighted mean of the members', () => {
  expect(weightedPoint(members(10, 20), two.weights)[5]).toBeCloseTo(17.5);
});

test('with no calibration day the band is the members spread around the point', () => {
  const band = bandFor(members(10, 20), [], two);
  expect(band.p50[0]).toBeCloseTo(17.5);
  expect(band.p90[0] - band.p50[0]).toBeCloseTo(1.2815515655446004 * 5);
  expect(band.p50[0] - band.p10[0]).toBeCloseTo(1.2815515655446004 * 5);
});

test.each([
  ['conformal', two],
  ['empirical', { ...two, band: { method: 'empirical' as const, calibrationDays: 7 } }],
])('the %s band widens with the calibration days errors and stays ordered', (_method, forecaster) => {
  const calm = Array.from({ length: 9 }, (_, i) => ({ members: members(10, 20), actual: new Array(24).fill(17.5 + (i % 2 ? 0.5 : -0.5)) }));
  const wild = calm.map((day, i) => ({ ...day, actual: new Array(24).fill(17.5 + (i % 2 ? 5 : -5)) }));
  const narrow = bandFor(members(10, 20), calm, forecaster);
  const wide = bandFor(members(10, 20), wild, forecaster);
  for (let h = 0; h < 24; h++) {
    expect(narrow.p10[h]).toBeLessThanOrEqual(narrow.p50[h]);
    expect(narrow.p50[h]).toBeLessThanOrEqual(narrow.p90[h]);
  }
  expect(wide.p90[0] - wide.p10[0]).toBeGreaterThan(narrow.p90[0] - narrow.p10[0]);
});

test("the published P50 is the one the retrain backtested: the lib's band of the same members, weights kept to 6 decimals taken over their sum", () => {
  // Three equal weights as a version stores them: they sum to 0.999999, not 1.
  const forecaster: ForecasterConfig = { windows: [28, 56, 84], weights: [0.333333, 0.333333, 0.333333], band: { method: 'conformal', calibrationDays: 7, recentDays: 2, recentWeight: 0.5 } };
  const days = 10;
  const series = forecaster.windows.map((_, w) => Float64Array.from({ length: days * 24 }, (_, i) => 40 + 10 * Math.sin(i / 5 + w) + w));
  const actual = Float64Array.from({ length: days * 24 }, (_, i) => 41 + 12 * Math.sin(i / 5 + 0.3));
  const membersOf = (d: number) => {
    const m = new Float64Array(forecaster.windows.length * 24);
    series.forEach((s, w) => m.set(s.subarray(d * 24, (d + 1) * 24), w * 24));
    return m;
  };
  const target = days - 1;
  const calibration = Array.from({ length: target }, (_, d) => ({ members: membersOf(d), actual: actual.subarray(d * 24, (d + 1) * 24) }));
  const published = bandFor(membersOf(target), calibration, forecaster);
  const backtested = configBands(forecaster, { days, actual, members: new Map(forecaster.windows.map((w, k) => [w, series[k]!])) }, target, target);
  for (let h = 0; h < 24; h++) {
    expect([h, published.p50[h]]).toEqual([h, expect.closeTo(backtested.p50[h]!, 10)]);
    expect([h, published.p10[h], published.p90[h]]).toEqual([h, expect.closeTo(backtested.p10[h]!, 10), expect.closeTo(backtested.p90[h]!, 10)]);
  }
});

test('the default forecaster is a valid champion shape: one weight per window', () => {
  expect(DEFAULT_FORECASTER.weights).toHaveLength(DEFAULT_FORECASTER.windows.length);
});
