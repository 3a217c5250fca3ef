/**
 * The SQL we send to Athena, parsed with Trino's grammar. Add every query our workflows run here
 * (or call `trinoSyntaxErrors` from their own tests) so that the text that runs locally on DuckDB
 * is also valid on Athena engine v3.
 */
import { trinoSyntaxErrors } from '../support/trino-sql';

/** Queries the lake's own tests and bench send, written to run on both engines. */
const OUR_QUERIES: readonly string[] = [
  `SELECT "date", avg(price) AS mean_price, min(price) AS min_price, max(price) AS max_price, stddev_samp(price) AS sd_price,
     avg(load_forecast) AS mean_load, avg(wind_forecast) AS mean_wind, count(*) AS hours
   FROM np_prices WHERE market = 'NP' GROUP BY "date" ORDER BY "date"`,
  "SELECT hour, price FROM energy.prices WHERE market = 'NP' AND \"date\" = '2024-01-02' ORDER BY hour",
  "SELECT \"date\", round(avg(price), 2) AS mean, max(price) AS peak FROM prices WHERE market = 'NP' GROUP BY 1 ORDER BY 1",
  "SELECT hour, price, market, CAST(NULL AS varchar) AS note, DATE '2024-01-01' AS day FROM prices WHERE market = 'NP' ORDER BY \"date\", hour",
];

test.each(OUR_QUERIES.map((sql) => [sql.replace(/\s+/g, ' ').slice(0, 60), sql]))('%s … is Trino', (_label, sql) => {
  expect(trinoSyntaxErrors(sql)).toEqual([]);
});

test.each([
  ['a DuckDB cast', 'SELECT price::int FROM prices'],
  ['a missing FROM target', 'SELECT * FROM WHERE x = 1'],
  ['an unclosed paren', 'SELECT avg(price FROM prices'],
])('%s is not', (_name, sql) => {
  expect(trinoSyntaxErrors(sql)).not.toEqual([]);
});
