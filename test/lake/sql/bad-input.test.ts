/** Bad SQL and bad data: FAILED with a reason naming the table, column or object; never a crash or a half-written result. */
import { openLakeHarness, parquetBytes, pricesTable, putBytes, runQuery, type LakeHarness } from '../helpers';

let h: LakeHarness;
beforeEach(async () => {
  h = await openLakeHarness();
  await pricesTable(h, [{ market: 'NP', date: '2024-01-01', prices: [1, 2] }]);
  await runQuery(h.lake, 'MSCK REPAIR TABLE prices');
});
afterEach(() => h.close());

async function failure(sql: string): Promise<string> {
  const query = await runQuery(h.lake, sql);
  expect(query.Status.State).toBe('FAILED');
  expect(h.objects.listObjects('results', { prefix: `athena/${query.QueryExecutionId}` }).contents).toEqual([]);
  return query.Status.StateChangeReason!;
}

test.each([
  ['a syntax error', 'SELEC price FROM prices', /syntax error at or near "SELEC"/],
  ['an unknown table', 'SELECT * FROM nope', /Table 'awsdatacatalog\.energy\.nope' does not exist/],
  ['an unknown database', 'SELECT * FROM other.prices', /Schema 'other' does not exist/],
  ['an unknown column', 'SELECT volume FROM prices', /volume/],
  ['a type mismatch', "SELECT price + 'abc' FROM prices", /Could not convert string 'abc'|No function matches/],
  ['DDL on an unknown table', 'MSCK REPAIR TABLE nope', /Table nope not found/],
  ['a partition for a key the table lacks', "ALTER TABLE prices ADD PARTITION (region = 'x')", /'region' is not a partition key of table energy\.prices/],
  ['a non-Parquet table', "CREATE EXTERNAL TABLE t (a int) STORED AS TEXTFILE LOCATION 's3://lake/t/'", /Only STORED AS PARQUET/],
])('%s', async (_name, sql, reason) => {
  expect(await failure(sql)).toMatch(reason);
});

test('a partition whose files are missing names the partition and its location', async () => {
  await runQuery(h.lake, "ALTER TABLE prices ADD IF NOT EXISTS PARTITION (market = 'SE', `date` = '2024-01-01')");
  expect(await failure("SELECT * FROM prices WHERE market = 'SE'")).toBe('Partition market=SE/date=2024-01-01 of table energy.prices has no data files under s3://lake/prices/market=SE/date=2024-01-01/.');
});

test('an object that is not Parquet is named by its URI', async () => {
  await putBytes(h.objects, 'lake', 'prices/market=NP/date=2024-01-01/notes.csv', 'hour,price\n1,2\n');
  expect(await failure('SELECT * FROM prices')).toMatch(/s3:\/\/lake\/prices\/market=NP\/date=2024-01-01\/notes\.csv/);
});

test('a Parquet file whose columns differ from the table names the table and the column', async () => {
  await putBytes(h.objects, 'lake', 'prices/market=NP/date=2024-01-01/part-0.parquet', await parquetBytes('SELECT 1 AS hour, 2.0 AS cost'));
  const reason = await failure('SELECT * FROM prices');
  expect(reason).toMatch(/energy\.prices/);
  expect(reason).toMatch(/price/);
});
