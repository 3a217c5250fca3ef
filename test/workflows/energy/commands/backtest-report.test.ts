/** What the backtest prints, from lake rows: which hours count, the published rows, the table. */
import { joinForecasts, metricsTable, publishedRows, type LakeRow } from '../../../../workflows/energy/commands/backtest-report';

/** Day + hour → price, as the command reads them from the market file. */
const prices = (rows: LakeRow[]) => {
  const byHour = new Map(rows.map((row) => [`${String(row.date)} ${Number(row.hour)}`, Number(row.price)]));
  return (day: string, hour: number) => byHour.get(`${day} ${hour}`);
};

const hours = (day: string, value: (hour: number) => Record<string, unknown>): LakeRow[] => Array.from({ length: 24 }, (_, hour) => ({ date: day, hour: String(hour), ...value(hour) }));
const band = (p50: number) => ({ p10: String(p50 - 1), p50: String(p50), p90: String(p50 + 1) });

test('only days with all 24 forecast hours and all 24 prices count, in day and hour order, negative prices as any other', () => {
  const forecasts = [...hours('2020-01-02', () => band(5)), ...hours('2020-01-01', (h) => band(h - 10)), ...hours('2020-01-03', () => band(1))];
  const actual = [...hours('2020-01-01', (h) => ({ price: String(-h) })), ...hours('2020-01-02', () => ({ price: '4' })).slice(1), ...hours('2020-01-03', () => ({ price: '0' }))];
  const joined = joinForecasts([...forecasts].reverse(), prices(actual));
  expect([...new Set(joined.map((f) => f.day))]).toEqual(['2020-01-01', '2020-01-03']);
  expect(joined.slice(0, 3)).toEqual([
    { day: '2020-01-01', hour: 0, p10: -11, p50: -10, p90: -9, actual: 0 },
    { day: '2020-01-01', hour: 1, p10: -10, p50: -9, p90: -8, actual: -1 },
    { day: '2020-01-01', hour: 2, p10: -9, p50: -8, p90: -7, actual: -2 },
  ]);
});

test('a published file without a day of the period is refused, naming the first missing day', () => {
  const forecasts = joinForecasts(hours('2020-01-02', () => band(5)), prices(hours('2020-01-02', () => ({ price: '4' }))));
  const published = { days: ['2020-01-01'], series: new Map([['LEAR Ensemble', new Float64Array(24)], ['DNN Ensemble', new Float64Array(24)]]) };
  expect(() => publishedRows(published, forecasts, 'F.csv')).toThrow('F.csv has no forecasts for 1 day(s) of the period, first 2020-01-02.');
});

test('the table right-aligns the figures, coverage in percent, and a dash for what a row has not', () => {
  const table = metricsTable([
    { name: 'statecraft', metrics: { mae: 1.25, rmae: null, smape: 4.5, rmse: 2, pinball: 0.5, coverage: 0.8 } },
    { name: 'LEAR Ensemble', metrics: { mae: 10.5, rmae: 0.75, smape: 3, rmse: 1, pinball: null, coverage: null } },
  ]);
  expect(table.split('\n')).toEqual([
    '                  MAE   rMAE  sMAPE %   RMSE  pinball  coverage %',
    'statecraft      1.250      —     4.50  2.000    0.500        80.0',
    'LEAR Ensemble  10.500  0.750     3.00  1.000        —           —',
    '',
  ]);
});
