import { readMarketData } from '../../../../workflows/energy/lib/market-data';
import { parsePublishedForecasts, publishedSeries, readPublishedForecasts } from '../../../../workflows/energy/lib/published-forecasts';
import { NP_CSV, NP_PUBLISHED } from './energy-data';

describe('published forecasts', () => {
  it('reads the benchmark file: 728 test days, every column, Real price equal to NP.csv', () => {
    const published = readPublishedForecasts(NP_PUBLISHED);
    expect(published.days.length).toBe(728);
    expect(published.days[0]).toBe('2016-12-27');
    expect(published.days[727]).toBe('2018-12-24');
    expect([...published.series.keys()]).toEqual(['Real price', 'DNN 1', 'DNN 2', 'DNN 3', 'DNN 4', 'DNN Ensemble', 'LEAR 56', 'LEAR 84', 'LEAR 1092', 'LEAR 1456', 'LEAR Ensemble']);
    const market = readMarketData(NP_CSV);
    const offset = market.days.indexOf('2016-12-27') * 24;
    expect(publishedSeries(published, 'Real price')).toEqual(market.price.subarray(offset));
  });

  it('refuses a file without Real price, and names the missing series', () => {
    expect(() => parsePublishedForecasts('t,LEAR 56\n' + Array.from({ length: 24 }, (_, h) => `2020-01-01 ${String(h).padStart(2, '0')}:00:00,1`).join('\n'), 'F.csv')).toThrow(/F\.csv, line 1: no 'Real price' column/);
    const published = parsePublishedForecasts('t,Real price\n' + Array.from({ length: 24 }, (_, h) => `2020-01-01 ${String(h).padStart(2, '0')}:00:00,1`).join('\n'), 'F.csv');
    expect(() => publishedSeries(published, 'LEAR 56', 'F.csv')).toThrow(/no 'LEAR 56' column; it has 'Real price'/);
  });
});
