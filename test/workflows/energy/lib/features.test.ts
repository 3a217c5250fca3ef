import { featureCount, fillFeatureRow } from '../../../../workflows/energy/lib/features';
import type { MarketData } from '../../../../workflows/energy/lib/market-data';

describe('LEAR features', () => {
  // Values encode their origin: price = 1000·day + hour, exogenous k = 100000·k + 1000·day + hour.
  const days = Array.from({ length: 10 }, (_, d) => `2024-01-${String(1 + d).padStart(2, '0')}`);
  const series = (base: number) => Float64Array.from({ length: 240 }, (_, i) => base + 1000 * Math.floor(i / 24) + (i % 24));
  const data: MarketData = { priceColumn: 'p', exogenousColumns: ['a', 'b'], days, price: series(0), exogenous: [series(100000), series(200000)] };

  it('has 247 columns with two exogenous series, in the benchmark order', () => {
    expect(featureCount(2)).toBe(247);
    const row = new Float64Array(247);
    fillFeatureRow(data, 9, row); // 2024-01-10, a Wednesday
    expect(Array.from(row.subarray(0, 8))).toEqual([8000, 7000, 6000, 2000, 8001, 7001, 6001, 2001]);
    expect(Array.from(row.subarray(96, 102))).toEqual([108000, 208000, 102000, 202000, 109000, 209000]);
    expect(row[96 + 6 * 23 + 5]).toBe(209023);
    expect(Array.from(row.subarray(240))).toEqual([0, 0, 1, 0, 0, 0, 0]);
  });

  it('needs seven earlier days', () => {
    expect(() => fillFeatureRow(data, 6, new Float64Array(247))).toThrow(RangeError);
  });
});
