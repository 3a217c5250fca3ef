/** LakeQueries and LakeCatalog as local handlers get them: the same catalog and DuckDB as the endpoint. */
import { LocalLakeCatalog, LocalLakeQueries } from '../../src/lake';
import { TaskFailure } from '../../src/services';
import { openLakeHarness, pricesTable, type LakeHarness } from './helpers';

let h: LakeHarness;
beforeEach(async () => {
  h = await openLakeHarness();
  await pricesTable(h, [{ market: 'NP', date: '2024-01-01', prices: [10, 20] }]);
});
afterEach(() => h.close());

test('addPartitions registers a partition once; query returns rows as text keyed by column', async () => {
  const catalog = new LocalLakeCatalog(h.lake, 'energy');
  const spec = { table: 'prices', values: ['NP', '2024-01-01'], location: 's3://lake/prices/market=NP/date=2024-01-01/' };
  await catalog.addPartitions([spec]);
  await catalog.addPartitions([spec]); // re-running a day is safe
  const queries = new LocalLakeQueries(h.lake, 'energy');
  expect(await queries.query("SELECT hour, price, market FROM prices WHERE \"date\" = '2024-01-01' ORDER BY hour")).toEqual([
    { hour: '0', price: '10.0', market: 'NP' },
    { hour: '1', price: '20.0', market: 'NP' },
  ]);
});

test('failures carry the names the AWS implementations use', async () => {
  await expect(new LocalLakeQueries(h.lake, 'energy').query('SELECT nope FROM prices')).rejects.toMatchObject({ name: 'LakeQueryFailed' });
  await expect(new LocalLakeCatalog(h.lake, 'energy').addPartitions([{ table: 'ghost', values: ['x'], location: 's3://lake/x/' }])).rejects.toBeInstanceOf(TaskFailure);
  await expect(new LocalLakeCatalog(h.lake, 'energy').addPartitions([{ table: 'prices', values: ['x'], location: 's3://lake/x/' }])).rejects.toMatchObject({ name: 'CreatePartitionFailed' });
});
