/**
 * Compaction behind the same table: results are the same before and after, a partition whose files
 * change is read from its files again, the compacted copy is invisible to Athena's listing rules, and
 * a copy goes once nothing reads or references it, never under a query.
 */
import { COMPACTED_PREFIX } from '../../src/lake/compaction';
import { openLakeHarness, parquetBytes, pricesTable, putBytes, resultRows, runQuery, type LakeHarness } from './helpers';

let h: LakeHarness;
const days = Array.from({ length: 6 }, (_, i) => ({ market: i % 2 ? 'DE' : 'NP', date: `2024-01-0${i + 1}`, prices: [i, i + 0.5] }));
const SQL = 'SELECT market, "date", hour, price FROM prices ORDER BY "date", hour';

beforeEach(async () => {
  h = await openLakeHarness();
  await pricesTable(h, days);
  await runQuery(h.lake, 'MSCK REPAIR TABLE prices');
});
afterEach(() => h.close());

async function rows(sql: string) {
  const query = await runQuery(h.lake, sql);
  expect(query.Status.StateChangeReason).toBeUndefined();
  return { rows: await resultRows(h.lake, query.QueryExecutionId), scanned: query.Statistics.DataScannedInBytes };
}

test('the same rows before and after compaction, pruned or not; only the copy is read', async () => {
  const before = await rows(SQL);
  const pruned = await rows("SELECT \"date\", price FROM prices WHERE market = 'DE' AND hour = 1 ORDER BY \"date\"");
  const table = h.lake.catalog.table('energy', 'prices');
  expect(await h.lake.compactor.compact(table)).toBe(6);
  expect(h.lake.compactor.copiesOf(table)).toHaveLength(1);
  expect(h.objects.listObjects('lake', { prefix: `prices/${COMPACTED_PREFIX}` }).contents).toHaveLength(1);
  const after = await rows(SQL);
  expect(after.rows).toEqual(before.rows);
  expect(after.scanned).toBe(h.lake.compactor.copiesOf(table)[0]!.file.size);
  expect((await rows("SELECT \"date\", price FROM prices WHERE market = 'DE' AND hour = 1 ORDER BY \"date\"")).rows).toEqual(pruned.rows);
  // MSCK REPAIR does not mistake the copy for a partition.
  expect((await runQuery(h.lake, 'MSCK REPAIR TABLE prices')).Status.State).toBe('SUCCEEDED');
  expect(h.lake.catalog.partitions(table)).toHaveLength(6);
});

test('a partition whose files changed after compaction is read from its files', async () => {
  const table = h.lake.catalog.table('energy', 'prices');
  await h.lake.compactor.compact(table);
  await putBytes(h.objects, 'lake', 'prices/market=NP/date=2024-01-01/part-0.parquet', await parquetBytes('SELECT 0 AS hour, 99.0::DOUBLE AS price'));
  const { rows: now } = await rows("SELECT hour, price FROM prices WHERE \"date\" = '2024-01-01'");
  expect(now).toEqual([['0', '99.0']]);
  const { rows: others } = await rows("SELECT count(*) FROM prices WHERE \"date\" <> '2024-01-01'");
  expect(others).toEqual([['10']]);
});

test('a compaction removes copies nothing references, such as one a stopped server left while a query read it', async () => {
  await putBytes(h.objects, 'lake', `prices/${COMPACTED_PREFIX}left-behind.parquet`, await parquetBytes('SELECT 0 AS hour, 1.0::DOUBLE AS price'));
  const table = h.lake.catalog.table('energy', 'prices');
  await h.lake.compactor.compact(table);
  const [copy] = h.lake.compactor.copiesOf(table);
  expect(h.objects.listObjects('lake', { prefix: `prices/${COMPACTED_PREFIX}` }).contents.map((o) => o.key)).toEqual([copy!.file.key]);
});

test('a copy made for other columns is never read', async () => {
  const table = h.lake.catalog.table('energy', 'prices');
  await h.lake.compactor.compact(table);
  h.lake.catalog.updateTable({ DatabaseName: 'energy', TableInput: { ...table, StorageDescriptor: { ...table.StorageDescriptor, Columns: [{ Name: 'price', Type: 'double' }] } } });
  expect(h.lake.compactor.copiesOf(h.lake.catalog.table('energy', 'prices'))).toEqual([]);
  expect((await rows('SELECT count(*) FROM prices')).rows).toEqual([['12']]);
});

test('MSCK REPAIR of a table with many partitions compacts it in the background, once', async () => {
  const many = Array.from({ length: 64 }, (_, i) => ({ market: 'SE', date: `2025-${String(Math.floor(i / 28) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, prices: [i] }));
  await pricesTable(h, many);
  await runQuery(h.lake, 'MSCK REPAIR TABLE prices');
  await h.lake.compactor.idle();
  const table = h.lake.catalog.table('energy', 'prices');
  const [copy] = h.lake.compactor.copiesOf(table);
  expect(copy?.partitions.size).toBe(70);
  expect((await rows('SELECT count(*), sum(price) FROM prices')).rows).toEqual([['76', '2049.0']]); // 6 days of 2 hours, 64 of 1: 33 + 0 + … + 63
  // One more day does not rewrite the copy.
  await pricesTable(h, [{ market: 'SE', date: '2025-12-31', prices: [1] }]);
  await runQuery(h.lake, 'MSCK REPAIR TABLE prices');
  await h.lake.compactor.idle();
  expect(h.lake.compactor.copiesOf(table).map((c) => c.file.key)).toEqual([copy!.file.key]);
});

test('a copy a query reads is not deleted under it when a new compaction replaces it, but once the query is done', async () => {
  const table = h.lake.catalog.table('energy', 'prices');
  await h.lake.compactor.compact(table);
  const compacted = () => h.objects.listObjects('lake', { prefix: `prices/${COMPACTED_PREFIX}` }).contents.map((o) => o.key);
  const [first] = compacted();
  // A query holds the copy while 64 more days arrive and the background compaction replaces it.
  const lease = h.lake.compactor.lease(table);
  expect(lease.copies.map((c) => c.file.key)).toEqual([first]);
  await pricesTable(h, Array.from({ length: 64 }, (_, i) => ({ market: 'SE', date: `2025-${String(Math.floor(i / 28) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, prices: [i] })));
  await runQuery(h.lake, 'MSCK REPAIR TABLE prices');
  await h.lake.compactor.idle();
  const [replacement] = h.lake.compactor.copiesOf(table).map((c) => c.file.key);
  expect(replacement).not.toBe(first);
  expect(compacted().sort()).toEqual([first, replacement].sort());
  lease.release();
  await new Promise((resolve) => setImmediate(resolve));
  expect(compacted()).toEqual([replacement]);
  expect((await rows('SELECT count(*) FROM prices')).rows).toEqual([['76']]);
});
