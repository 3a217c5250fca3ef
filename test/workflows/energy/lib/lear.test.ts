/**
 * LEAR against the forecasts published with the benchmark, on a sample of days spread over the
 * test period (the whole period is `BENCH_ENERGY_FULL=1 npm run bench:energy`): the long windows,
 * which reproduce (the data README), within 0.02 EUR/MWh of the published values on average.
 */
import { dayIndex, readMarketData, parseMarketData } from '../../../../workflows/energy/lib/market-data';
import { forecastDay, forecastWindow, prepareFeatureRows } from '../../../../workflows/energy/lib/lear';
import { mae, naiveWeeklyMae } from '../../../../workflows/energy/lib/metrics';
import { publishedSeries, readPublishedForecasts } from '../../../../workflows/energy/lib/published-forecasts';
import { NP_CSV, NP_PUBLISHED } from './energy-data';

const SAMPLE = 16;
const TOLERANCE = 0.02;

describe('LEAR on NP against the published forecasts', () => {
  const market = readMarketData(NP_CSV);
  const published = readPublishedForecasts(NP_PUBLISHED);
  const rows = prepareFeatureRows(market);
  const span = published.days.length - 1;
  // The middle day of each of SAMPLE equal slices of the period, as the bench samples them.
  const days = Array.from({ length: SAMPLE }, (_, k) => Math.round(((k + 0.5) * span) / SAMPLE));

  it.each([1092, 1456])(`the %i-day window is within ${TOLERANCE} EUR/MWh of the published values on average over ${SAMPLE} days`, (window) => {
    const reference = publishedSeries(published, `LEAR ${window}`);
    let deviation = 0;
    for (const k of days) {
      const forecast = forecastWindow(rows, dayIndex(market, published.days[k]), window);
      for (let h = 0; h < 24; h++) deviation += Math.abs(forecast[h] - reference[k * 24 + h]);
    }
    expect(deviation / (days.length * 24)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('is deterministic, and the ensemble is the mean of the windows', () => {
    const d = dayIndex(market, '2018-03-08');
    const first = forecastDay(rows, d, [56, 84]);
    const second = forecastDay(rows, d, [56, 84]);
    expect(second.ensemble).toEqual(first.ensemble);
    for (let h = 0; h < 24; h++) {
      const mean = [...first.byWindow.values()].reduce((sum, f) => sum + f[h], 0) / 2;
      expect(first.ensemble[h]).toBeCloseTo(mean, 12);
    }
  });

  it('refuses a day whose window reaches before the data', () => {
    expect(() => forecastWindow(rows, 1455, 1456)).toThrow(RangeError);
  });
});

describe('LEAR on another market', () => {
  it('forecasts a file with other column names, one exogenous series and negative prices better than the weekly naive forecast', () => {
    const lines = ['Datetime (UTC),Day-ahead,Residual load'];
    let state = 1;
    const noise = () => {
      state = (state * 48271) % 2147483647;
      return state / 2147483647 - 0.5;
    };
    for (let d = 0; d < 100; d++) {
      const day = new Date(Date.UTC(2022, 0, 1 + d)).toISOString().slice(0, 10);
      for (let h = 0; h < 24; h++) {
        const load = 30 + 15 * Math.sin((2 * Math.PI * h) / 24) + 8 * Math.sin(d / 9) + 4 * noise();
        const price = -25 + 1.5 * load + 3 * noise();
        lines.push(`${day} ${String(h).padStart(2, '0')}:00:00,${price.toFixed(2)},${load.toFixed(1)}`);
      }
    }
    const market = parseMarketData(lines.join('\n'), 'XX.csv');
    const rows = prepareFeatureRows(market);
    const from = 90;
    const forecasts: number[] = [];
    for (let d = from; d < 100; d++) forecasts.push(...forecastDay(rows, d, [56, 84]).ensemble);
    const actual = market.price.subarray(from * 24);
    expect(Math.min(...actual)).toBeLessThan(0);
    expect(mae(actual, forecasts)).toBeLessThan(naiveWeeklyMae(market.price.subarray((from - 7) * 24)));
  });
});
