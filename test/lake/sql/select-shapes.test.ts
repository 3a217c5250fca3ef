/** SELECT shapes beyond the plain one: CTEs, unions, joins of a table with itself, empty results, repeated names. */
import { openLakeHarness, pricesTable, resultRows, runQuery, type LakeHarness } from '../helpers';

let h: LakeHarness;
beforeAll(async () => {
  h = await openLakeHarness();
  await pricesTable(h, [
    { market: 'NP', date: '2024-01-01', prices: [10, 20] },
    { market: 'DE', date: '2024-01-01', prices: [30] },
  ]);
  await runQuery(h.lake, 'MSCK REPAIR TABLE prices');
});
afterAll(() => h.close());

test.each([
  ['a CTE named like no table', 'WITH daily AS (SELECT market, sum(price) AS total FROM prices GROUP BY market) SELECT * FROM daily ORDER BY market', [['DE', '30.0'], ['NP', '30.0']]],
  ['a union over pruned and unpruned reads', "SELECT price FROM prices WHERE market = 'DE' UNION ALL SELECT max(price) FROM prices", [['30.0'], ['30.0']]],
  ['a self-join (no pruning, same rows)', "SELECT a.hour, b.market FROM prices a JOIN prices b ON a.price = b.price WHERE a.market = 'DE'", [['0', 'DE']]],
  ['an empty result', "SELECT * FROM prices WHERE market = 'SE'", []],
  ['a constant query', 'SELECT 1 AS one, 2 AS two', [['1', '2']]],
  ['a qualified name', "SELECT count(*) AS n FROM awsdatacatalog.energy.prices p WHERE p.market = 'NP'", [['2']]],
])('%s', async (_name, sql, rows) => {
  const query = await runQuery(h.lake, sql);
  expect(query.Status.StateChangeReason).toBeUndefined();
  expect(await resultRows(h.lake, query.QueryExecutionId)).toEqual(rows);
});

test('an empty result still has its header row and column types', async () => {
  const query = await runQuery(h.lake, "SELECT hour, price FROM prices WHERE market = 'SE'");
  const page = (await h.lake.athena.getQueryResults({ QueryExecutionId: query.QueryExecutionId })) as { ResultSet: { Rows: unknown[]; ResultSetMetadata: { ColumnInfo: { Type: string }[] } } };
  expect(page.ResultSet.Rows).toEqual([{ Data: [{ VarCharValue: 'hour' }, { VarCharValue: 'price' }] }]);
  expect(page.ResultSet.ResultSetMetadata.ColumnInfo.map((c) => c.Type)).toEqual(['integer', 'double']);
});
