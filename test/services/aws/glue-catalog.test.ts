import { BatchCreatePartitionCommand, EntityNotFoundException, GetTableCommand, GlueClient, type StorageDescriptor } from '@aws-sdk/client-glue';
import { mockClient } from 'aws-sdk-client-mock';
import { GlueCatalog } from '../../../src/services/aws/glue-catalog';
import { TaskFailure } from '../../../src/services/errors';

const glue = mockClient(GlueClient);
const catalog = new GlueCatalog(new GlueClient({ region: 'eu-west-1' }), 'statecraft');
const tableStorage: StorageDescriptor = {
  Columns: [{ Name: 'hour', Type: 'int' }, { Name: 'price', Type: 'double' }],
  Location: 's3://data/lake/prices/',
  InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
};
const partition = { table: 'prices', values: ['DE', '2026-11-21'], location: 's3://data/lake/prices/market=DE/date=2026-11-21/' };

beforeEach(() => {
  glue.reset();
  glue.on(GetTableCommand).resolves({ Table: { Name: 'prices', DatabaseName: 'statecraft', StorageDescriptor: tableStorage } });
});

test("reads the table, then creates the partition with the table's storage descriptor at the partition's location", async () => {
  glue.on(BatchCreatePartitionCommand).resolves({ Errors: [] });
  await catalog.addPartition(partition);
  expect(glue.commandCalls(GetTableCommand).map((call) => call.args[0].input)).toEqual([{ DatabaseName: 'statecraft', Name: 'prices' }]);
  expect(glue.commandCalls(BatchCreatePartitionCommand).map((call) => call.args[0].input)).toEqual([
    {
      DatabaseName: 'statecraft',
      TableName: 'prices',
      PartitionInputList: [{ Values: ['DE', '2026-11-21'], StorageDescriptor: { ...tableStorage, Location: partition.location } }],
    },
  ]);
});

const entryError = (ErrorCode: string | undefined, ErrorMessage?: string) => ({ PartitionValues: partition.values, ErrorDetail: { ErrorCode, ErrorMessage } });

test('a partition that exists already is success: re-running a day is idempotent', async () => {
  glue.on(BatchCreatePartitionCommand).resolves({ Errors: [entryError('AlreadyExistsException', 'Partition already exists.')] });
  await expect(catalog.addPartition(partition)).resolves.toBeUndefined();
});

test.each([
  ['a rejected partition input', entryError('InvalidInputException', 'Values do not match the partition keys'), 'InvalidInputException', 'Values do not match the partition keys'],
  ['a missing error code', entryError(undefined), 'CreatePartitionFailed', 'rejected'],
])('%s is a task failure named after the entry error', async (_what, error, name, reason) => {
  glue.on(BatchCreatePartitionCommand).resolves({ Errors: [error] });
  const failure = await catalog.addPartition(partition).catch((err: unknown) => err);
  expect(failure).toBeInstanceOf(TaskFailure);
  expect(failure).toMatchObject({ name, message: `Partition DE/2026-11-21 of prices: ${reason}` });
});

test('a table without a storage descriptor cannot be partitioned', async () => {
  glue.on(GetTableCommand).resolves({ Table: { Name: 'prices', DatabaseName: 'statecraft' } });
  await expect(catalog.addPartition(partition)).rejects.toMatchObject({ name: 'TableNotCataloged', message: expect.stringContaining('statecraft.prices') });
  expect(glue.commandCalls(BatchCreatePartitionCommand)).toHaveLength(0);
});

test('a table missing from the catalog propagates as Glue names it', async () => {
  const missing = new EntityNotFoundException({ message: 'Table prices not found.', $metadata: {} });
  glue.on(GetTableCommand).rejects(missing);
  await expect(catalog.addPartition(partition)).rejects.toBe(missing);
  expect(glue.commandCalls(BatchCreatePartitionCommand)).toHaveLength(0);
});
