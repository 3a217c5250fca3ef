import { dayIndex, parseMarketData, readMarketData } from '../../../../workflows/energy/lib/market-data';
import { MarketDataError } from '../../../../workflows/energy/lib/market-data-error';
import { NP_CSV } from './energy-data';

/** A well-formed file of `days` days: header, then 24 rows a day. */
function marketFile(days: number, header = 'time,Spot,Load,Solar', price = (i: number) => String(-5 + i)): string[] {
  const lines = [header];
  for (let d = 0; d < days; d++) {
    for (let h = 0; h < 24; h++) {
      const i = d * 24 + h;
      lines.push(`2021-03-${String(1 + d).padStart(2, '0')} ${String(h).padStart(2, '0')}:00:00,${price(i)},${1000 + i},${i % 7}`);
    }
  }
  return lines;
}

describe('parseMarketData', () => {
  it('takes columns by position, whatever they are called, with negative prices', () => {
    const data = parseMarketData(marketFile(2).join('\n'), 'DE.csv');
    expect(data.priceColumn).toBe('Spot');
    expect(data.exogenousColumns).toEqual(['Load', 'Solar']);
    expect(data.days).toEqual(['2021-03-01', '2021-03-02']);
    expect(data.price[0]).toBe(-5);
    expect(data.price[47]).toBe(42);
    expect(data.exogenous[0][25]).toBe(1025);
    expect(dayIndex(data, '2021-03-02')).toBe(1);
    expect(dayIndex(data, '2021-03-03')).toBe(-1);
  });

  it('accepts CRLF line ends, quoted cells and an ISO T separator', () => {
    const lines = marketFile(1).map((line, i) => (i === 0 ? line : line.replace(' ', 'T').replace(/,([^,]+)$/, ',"$1"')));
    expect(parseMarketData(lines.join('\r\n') + '\r\n', 'x.csv').exogenous[1][3]).toBe(3);
  });

  const broken: Array<[string, (lines: string[]) => string[], string, RegExp]> = [
    ['a non-numeric price', (l) => replaceCell(l, 5, 1, 'n/a'), 'NonNumericValue', /^FILE\.csv, line 5, column 'Spot': 'n\/a' is not a number/],
    ['an empty exogenous value', (l) => replaceCell(l, 30, 3, ''), 'NonNumericValue', /^FILE\.csv, line 30, column 'Solar'/],
    ['a duplicate hour', (l) => [...l.slice(0, 8), l[7], ...l.slice(8, -1)], 'DuplicateHour', /line 9, column 'time': duplicate hour 2021-03-01 06:00/],
    ['a missing hour', (l) => [...l.slice(0, 8), ...l.slice(9), l[9].replace('2021-03-01', '2021-03-03')], 'MissingHour', /line 9, column 'time': hour 2021-03-01 07:00 missing/],
    ['a missing day', (l) => [...l.slice(0, 25), ...l.slice(49)], 'MissingHour', /line 26.*hour 2021-03-02 00:00 and the 23 hour\(s\) after it missing/],
    ['a short last day (23 hours)', (l) => l.slice(0, -1), 'MissingHour', /line 72.*the last day, 2021-03-03, has 23 of 24 hours/],
    ['a timestamp that is not hourly', (l) => replaceCell(l, 3, 0, '2021-03-01 01:30:00'), 'BadTimestamp', /line 3, column 'time'/],
    ['a ragged row', (l) => [...l.slice(0, 4), l[4] + ',9', ...l.slice(5)], 'RaggedRow', /line 5: 5 fields where the header has 4/],
    ['no value columns', (l) => l.map((line) => line.split(',').slice(0, 2).join(',')), 'MissingColumn', /line 1: a market file needs the price and at least one exogenous/],
    ['no data rows', (l) => l.slice(0, 1), 'EmptyFile', /no data rows/],
  ];

  it.each(broken)('refuses %s, naming file, line and column', (_what, edit, code, message) => {
    const text = edit(marketFile(3)).join('\n');
    let error: unknown;
    try {
      parseMarketData(text, 'FILE.csv');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MarketDataError);
    expect((error as MarketDataError).code).toBe(code);
    expect((error as MarketDataError).message).toMatch(message);
  });
});

describe('readMarketData on the benchmark file', () => {
  it('reads NP.csv whole: 2,184 days of 24 hours, the header names trimmed', () => {
    const data = readMarketData(NP_CSV);
    expect(data.days.length).toBe(2184);
    expect(data.days[0]).toBe('2013-01-01');
    expect(data.days[2183]).toBe('2018-12-24');
    expect(data.priceColumn).toBe('Price');
    expect(data.exogenousColumns).toEqual(['Grid load forecast', 'Wind power forecast']);
    expect([data.price[0], data.exogenous[0][0], data.exogenous[1][0]]).toEqual([31.05, 42497, 2798]);
  });
});

function replaceCell(lines: string[], line: number, column: number, value: string): string[] {
  return lines.map((text, i) => {
    if (i !== line - 1) return text;
    const cells = text.split(',');
    cells[column] = value;
    return cells.join(',');
  });
}
