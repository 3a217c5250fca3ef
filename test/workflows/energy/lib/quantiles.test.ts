import { bandPinball, coverage } from '../../../../workflows/energy/lib/metrics';
import { publishedSeries, readPublishedForecasts } from '../../../../workflows/energy/lib/published-forecasts';
import { bandSeries, conformalBand, empiricalBand, quantileSorted } from '../../../../workflows/energy/lib/quantiles';
import { NP_PUBLISHED } from './energy-data';

describe('quantile bands around the published LEAR ensemble, over 2018', () => {
  const published = readPublishedForecasts(NP_PUBLISHED);
  const actual = publishedSeries(published, 'Real price');
  const history = { actual, point: publishedSeries(published, 'LEAR Ensemble'), members: [56, 84, 1092, 1456].map((w) => publishedSeries(published, `LEAR ${w}`)) };
  const from = published.days.indexOf('2017-12-26');
  const to = published.days.length - 1;
  const truth = actual.subarray(from * 24);

  it('the baseline (per-hour empirical residual quantiles, 56 days) is the README figure: coverage 0.765, pinball 0.778', () => {
    const band = bandSeries(from, to, (d) => empiricalBand(history, d));
    expect(coverage(truth, band)).toBeCloseTo(0.765, 3);
    expect(bandPinball(truth, band)).toBeCloseTo(0.778, 3);
  });

  it('the conformal band covers 0.80 ± 0.02 with a lower pinball loss than the baseline', () => {
    const band = bandSeries(from, to, (d) => conformalBand(history, d));
    expect(Math.abs(coverage(truth, band) - 0.8)).toBeLessThanOrEqual(0.02);
    expect(bandPinball(truth, band)).toBeLessThan(0.778);
    for (let i = 0; i < band.p10.length; i++) expect(band.p10[i] <= band.p50[i] && band.p50[i] <= band.p90[i]).toBe(true);
  });

  it('reads no day at or after the forecast day', () => {
    const d = from + 10;
    const before = conformalBand(history, d);
    const future = { ...history, actual: Float64Array.from(actual, (v, i) => (i >= d * 24 ? NaN : v)) };
    expect(conformalBand(future, d)).toEqual(before);
  });

  it('needs an earlier day', () => {
    expect(() => conformalBand(history, 0)).toThrow(RangeError);
    expect(() => empiricalBand(history, 0)).toThrow(RangeError);
  });

  it('takes quantiles as numpy does (linear)', () => {
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 0.1)).toBeCloseTo(1.3, 12);
    expect(quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5)).toBe(2.5);
  });
});
