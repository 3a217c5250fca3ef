/** Athena's query lifecycle over the local lake: DDL into the catalog, SELECTs on DuckDB, results in the output location. */
import { openLakeHarness, pricesTable, resultRows, runQuery, type LakeHarness } from '../helpers';

let h: LakeHarness;
beforeEach(async () => {
  h = await openLakeHarness();
  await pricesTable(h, [
    { market: 'NP', date: '2024-01-01', prices: [10, 20, 30] },
    { market: 'NP', date: '2024-01-02', prices: [40, 50] },
    { market: 'DE', date: '2024-01-01', prices: [100] },
  ]);
});
afterEach(() => h.close());

test('MSCK REPAIR TABLE finds the partitions and a SELECT reads them, pruned by partition keys', async () => {
  const repair = await runQuery(h.lake, 'MSCK REPAIR TABLE prices');
  expect(repair.Status.State).toBe('SUCCEEDED');
  const shown = await runQuery(h.lake, 'SHOW PARTITIONS prices');
  expect(await h.lake.athena.getQueryResults({ QueryExecutionId: shown.QueryExecutionId })).toMatchObject({
    ResultSet: { Rows: [{ Data: [{ VarCharValue: 'market=DE/date=2024-01-01' }] }, { Data: [{ VarCharValue: 'market=NP/date=2024-01-01' }] }, { Data: [{ VarCharValue: 'market=NP/date=2024-01-02' }] }] },
  });
  const all = await runQuery(h.lake, 'SELECT market, count(*) AS n, sum(price) AS total FROM prices GROUP BY market ORDER BY market');
  expect(all.Status).toMatchObject({ State: 'SUCCEEDED' });
  expect(await resultRows(h.lake, all.QueryExecutionId)).toEqual([
    ['DE', '1', '100.0'],
    ['NP', '5', '150.0'],
  ]);
  const one = await runQuery(h.lake, "SELECT hour, price FROM energy.prices WHERE market = 'NP' AND \"date\" = '2024-01-02' ORDER BY hour");
  expect(await resultRows(h.lake, one.QueryExecutionId)).toEqual([
    ['0', '40.0'],
    ['1', '50.0'],
  ]);
  expect(one.Statistics.DataScannedInBytes).toBeGreaterThan(0);
  expect(one.Statistics.DataScannedInBytes).toBeLessThan(all.Statistics.DataScannedInBytes);
});
