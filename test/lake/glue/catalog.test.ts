/** The catalog in Glue's shapes: databases, tables, partitions, batch calls, pagination and Glue's errors; durable. */
import { openLakeHarness, type LakeHarness } from '../helpers';

let h: LakeHarness;
beforeEach(async () => {
  h = await openLakeHarness();
  h.lake.catalog.createDatabase({ DatabaseInput: { Name: 'Energy', Description: 'prices' } });
  h.lake.catalog.createTable({
    DatabaseName: 'energy',
    TableInput: {
      Name: 'Prices',
      PartitionKeys: [{ Name: 'market', Type: 'string' }, { Name: 'date', Type: 'string' }],
      StorageDescriptor: { Columns: [{ Name: 'price', Type: 'double' }], Location: 's3://lake/prices/' },
    },
  });
});
afterEach(() => h.close());

const part = (market: string, date: string) => ({ Values: [market, date], StorageDescriptor: { Location: `s3://lake/prices/market=${market}/date=${date}/` } });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return { code: (err as { code: string }).code, message: (err as Error).message };
  }
  throw new Error('expected a Glue error');
};

test('names are lower-cased; GetTable returns the stored table with times', () => {
  expect(h.lake.catalog.getDatabase({ Name: 'ENERGY' }).Database).toMatchObject({ Name: 'energy', Description: 'prices', CatalogId: '000000000000' });
  const { Table } = h.lake.catalog.getTable({ DatabaseName: 'energy', Name: 'prices' });
  expect(Table).toMatchObject({ Name: 'prices', DatabaseName: 'energy', TableType: 'EXTERNAL_TABLE', StorageDescriptor: { Location: 's3://lake/prices/' } });
  expect(Table.CreateTime).toBeInstanceOf(Date);
});

test("Glue's errors and messages", () => {
  expect(codeOf(() => h.lake.catalog.getDatabase({ Name: 'nope' }))).toEqual({ code: 'EntityNotFoundException', message: 'Database nope not found.' });
  expect(codeOf(() => h.lake.catalog.getTable({ DatabaseName: 'energy', Name: 'nope' }))).toEqual({ code: 'EntityNotFoundException', message: 'Table nope not found.' });
  expect(codeOf(() => h.lake.catalog.createDatabase({ DatabaseInput: { Name: 'energy' } }))).toEqual({ code: 'AlreadyExistsException', message: 'Database already exists.' });
  expect(codeOf(() => h.lake.catalog.createTable({ DatabaseName: 'energy', TableInput: { Name: 'prices' } }))).toEqual({ code: 'AlreadyExistsException', message: 'Table already exists.' });
  expect(codeOf(() => h.lake.catalog.getTable({ DatabaseName: 'energy' })).code).toBe('InvalidInputException');
  expect(codeOf(() => h.lake.catalog.getPartition({ DatabaseName: 'energy', TableName: 'prices', PartitionValues: ['NP', 'x'] }))).toEqual({ code: 'EntityNotFoundException', message: 'Cannot find partition.' });
  expect(codeOf(() => h.lake.catalog.createPartition({ DatabaseName: 'energy', TableName: 'prices', PartitionInput: { Values: ['NP'] } })).code).toBe('InvalidInputException');
});

test('partitions: create, batch create with per-entry errors, get with an Expression, batch get, delete, batch delete', () => {
  h.lake.catalog.createPartition({ DatabaseName: 'energy', TableName: 'prices', PartitionInput: part('NP', '2024-01-01') });
  const batch = h.lake.catalog.batchCreatePartition({ DatabaseName: 'energy', TableName: 'prices', PartitionInputList: [part('NP', '2024-01-01'), part('NP', '2024-01-02'), part('DE', '2024-01-02')] });
  expect(batch.Errors).toEqual([{ PartitionValues: ['NP', '2024-01-01'], ErrorDetail: { ErrorCode: 'AlreadyExistsException', ErrorMessage: 'Partition already exists.' } }]);
  const selected = h.lake.catalog.getPartitions({ DatabaseName: 'energy', TableName: 'prices', Expression: "market = 'NP' AND date >= '2024-01-02'" });
  expect(selected.Partitions.map((p) => p.Values)).toEqual([['NP', '2024-01-02']]);
  expect(h.lake.catalog.getPartition({ DatabaseName: 'energy', TableName: 'prices', PartitionValues: ['DE', '2024-01-02'] }).Partition).toMatchObject({ TableName: 'prices', StorageDescriptor: { Location: 's3://lake/prices/market=DE/date=2024-01-02/' } });
  const got = h.lake.catalog.batchGetPartition({ DatabaseName: 'energy', TableName: 'prices', PartitionsToGet: [{ Values: ['DE', '2024-01-02'] }, { Values: ['SE', '2024-01-02'] }] });
  expect(got.Partitions.map((p) => p.Values)).toEqual([['DE', '2024-01-02']]);
  h.lake.catalog.deletePartition({ DatabaseName: 'energy', TableName: 'prices', PartitionValues: ['DE', '2024-01-02'] });
  const deleted = h.lake.catalog.batchDeletePartition({ DatabaseName: 'energy', TableName: 'prices', PartitionsToDelete: [{ Values: ['NP', '2024-01-01'] }, { Values: ['DE', '2024-01-02'] }] });
  expect(deleted.Errors).toEqual([{ PartitionValues: ['DE', '2024-01-02'], ErrorDetail: { ErrorCode: 'EntityNotFoundException', ErrorMessage: 'Cannot find partition.' } }]);
  expect(h.lake.catalog.getPartitions({ DatabaseName: 'energy', TableName: 'prices' }).Partitions.map((p) => p.Values)).toEqual([['NP', '2024-01-02']]);
});

test('GetPartitions pages with MaxResults and NextToken', () => {
  const days = Array.from({ length: 5 }, (_, i) => part('NP', `2024-01-0${i + 1}`));
  h.lake.catalog.batchCreatePartition({ DatabaseName: 'energy', TableName: 'prices', PartitionInputList: days });
  const seen: unknown[] = [];
  let token: string | undefined;
  do {
    const page = h.lake.catalog.getPartitions({ DatabaseName: 'energy', TableName: 'prices', MaxResults: 2, NextToken: token });
    seen.push(...page.Partitions.map((p) => (p.Values as string[])[1]));
    token = page.NextToken;
  } while (token);
  expect(seen).toEqual(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05']);
  expect(codeOf(() => h.lake.catalog.getPartitions({ DatabaseName: 'energy', TableName: 'prices', MaxResults: 1001 })).code).toBe('InvalidInputException');
});

test('the catalog survives a restart; deleting a database deletes its tables', async () => {
  h.lake.catalog.createPartition({ DatabaseName: 'energy', TableName: 'prices', PartitionInput: part('NP', '2024-01-01') });
  await h.reopen();
  expect(h.lake.catalog.getPartitions({ DatabaseName: 'energy', TableName: 'prices' }).Partitions).toHaveLength(1);
  h.lake.catalog.deleteDatabase({ Name: 'energy' });
  h.lake.catalog.createDatabase({ DatabaseInput: { Name: 'energy' } });
  expect(h.lake.catalog.getTables({ DatabaseName: 'energy' }).TableList).toEqual([]);
});

test('the partitions a query reads follow every change after they were read: create, delete, table and database dropped', () => {
  const table = () => h.lake.catalog.findTable('energy', 'prices')!;
  const values = () => h.lake.catalog.partitions(table()).map((p) => p.Values);
  expect(values()).toEqual([]);
  h.lake.catalog.batchCreatePartition({ DatabaseName: 'energy', TableName: 'prices', PartitionInputList: [part('NP', '2024-01-01'), part('NP', '2024-01-02')] });
  expect(values()).toEqual([['NP', '2024-01-01'], ['NP', '2024-01-02']]);
  h.lake.catalog.addPartitions(table(), [part('DE', '2024-01-01')], true);
  expect(values()).toEqual([['DE', '2024-01-01'], ['NP', '2024-01-01'], ['NP', '2024-01-02']]);
  h.lake.catalog.deletePartition({ DatabaseName: 'energy', TableName: 'prices', PartitionValues: ['NP', '2024-01-01'] });
  expect(values()).toEqual([['DE', '2024-01-01'], ['NP', '2024-01-02']]);
  const before = table();
  h.lake.catalog.dropTable('energy', 'prices');
  expect(h.lake.catalog.partitions(before)).toEqual([]);
  h.lake.catalog.createTable({ DatabaseName: 'energy', TableInput: { Name: 'prices', PartitionKeys: [{ Name: 'market', Type: 'string' }, { Name: 'date', Type: 'string' }], StorageDescriptor: { Location: 's3://lake/prices/' } } });
  h.lake.catalog.createPartition({ DatabaseName: 'energy', TableName: 'prices', PartitionInput: part('SE', '2024-01-01') });
  expect(values()).toEqual([['SE', '2024-01-01']]);
  h.lake.catalog.deleteDatabase({ Name: 'energy' });
  expect(h.lake.catalog.partitions(before)).toEqual([]);
});
