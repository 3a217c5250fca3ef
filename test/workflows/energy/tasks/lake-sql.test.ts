/** energy-ingest's SQL is Trino (Athena engine v3) as written, so the text that runs locally runs on AWS. */
import { historyDaysSql, membersSql, publishedBandsSql, seriesSql } from '../../../../workflows/energy/tasks/lake-sql';
import { trinoSyntaxErrors } from '../../../support/trino-sql';

test.each([
  ['history days', historyDaysSql('NP', '2018-01-01', '2018-02-01')],
  ['the series', seriesSql('NP', '2014-01-01', '2018-02-01', '2018-02-02')],
  ['published members', membersSql('energy_forecasts', 'NP', '2018-01-01', '2018-02-01', 'energy-NP@3')],
  ['backcast members', membersSql('energy_backcasts', 'NP', '2018-01-01', '2018-02-01', 'energy-NP@default')],
  ['published bands', publishedBandsSql('NP', '2018-01-01', '2018-01-07')],
  ['a quote in a value', historyDaysSql("N'P", '2018-01-01', '2018-02-01')],
])('%s parses as Trino', (_what, sql) => {
  expect(trinoSyntaxErrors(sql)).toEqual([]);
});

test('a quote in a value is doubled, never closing the literal', () => {
  expect(historyDaysSql("N'P", '2018-01-01', '2018-02-01')).toContain("market = 'N''P'");
});
