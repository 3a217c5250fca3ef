import { BatchCreatePartitionCommand, EntityNotFoundException, GetTableCommand, GlueClient, type StorageDescriptor } from '@aws-sdk/client-glue';
import { mockClient } from 'aws-sdk-client-mock';
import { GlueCatalog, PARTITIONS_PER_REQUEST } from '../../../src/services/aws/glue-catalog';
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
  await catalog.addPartitions([partition]);
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
  await expect(catalog.addPartitions([partition])).resolves.toBeUndefined();
});

test.each([
  ['a rejected partition input', entryError('InvalidInputException', 'Values do not match the partition keys'), 'InvalidInputException', 'Values do not match the partition keys'],
  ['a missing error code', entryError(undefined), 'CreatePartitionFailed', 'rejected'],
])('%s is a task failure named after the entry error', async (_what, error, name, reason) => {
  glue.on(BatchCreatePartitionCommand).resolves({ Errors: [error] });
  const failure = await catalog.addPartitions([partition]).catch((err: unknown) => err);
  expect(failure).toBeInstanceOf(TaskFailure);
  expect(failure).toMatchObject({ name, message: `Partition DE/2026-11-21 of prices: ${reason}` });
});

test('a table without a storage descriptor cannot be partitioned', async () => {
  glue.on(GetTableCommand).resolves({ Table: { Name: 'prices', DatabaseName: 'statecraft' } });
  await expect(catalog.addPartitions([partition])).rejects.toMatchObject({ name: 'TableNotCataloged', message: expect.stringContaining('statecraft.prices') });
  expect(glue.commandCalls(BatchCreatePartitionCommand)).toHaveLength(0);
});

test('a table missing from the catalog propagates as Glue names it', async () => {
  const missing = new EntityNotFoundException({ message: 'Table prices not found.', $metadata: {} });
  glue.on(GetTableCommand).rejects(missing);
  await expect(catalog.addPartitions([partition])).rejects.toBe(missing);
  expect(glue.commandCalls(BatchCreatePartitionCommand)).toHaveLength(0);
});

test('a historical load is one GetTable per table and batches of 100 partitions, not a request per day', async () => {
  glue.on(BatchCreatePartitionCommand).resolves({ Errors: [] });
  const day = (k: number) => new Date(Date.UTC(2020, 0, 1 + k)).toISOString().slice(0, 10);
  const days = Array.from({ length: 250 }, (_, k) => ({ table: 'prices', values: ['DE', day(k)], location: `s3://data/lake/prices/market=DE/date=${day(k)}/` }));
  const scores = { table: 'scores', values: ['DE', day(0)], location: `s3://data/lake/scores/market=DE/date=${day(0)}/` };
  await catalog.addPartitions([...days.slice(0, 120), scores, ...days.slice(120)]);
  expect(glue.commandCalls(GetTableCommand).map((call) => call.args[0].input.Name)).toEqual(['prices', 'scores']);
  const batches = glue.commandCalls(BatchCreatePartitionCommand).map((call) => call.args[0].input);
  expect(batches.map((b) => [b.TableName, b.PartitionInputList!.length])).toEqual([['prices', PARTITIONS_PER_REQUEST], ['prices', PARTITIONS_PER_REQUEST], ['prices', 50], ['scores', 1]]);
  expect(batches.flatMap((b) => (b.TableName === 'prices' ? b.PartitionInputList!.map((p) => p.Values![1]) : []))).toEqual(days.map((d) => d.values[1]));
});

test('an entry error names the partition Glue refused in a batch', async () => {
  glue.on(BatchCreatePartitionCommand).resolves({ Errors: [{ PartitionValues: ['DE', '2026-11-22'], ErrorDetail: { ErrorCode: 'InvalidInputException', ErrorMessage: 'bad location' } }] });
  const other = { ...partition, values: ['DE', '2026-11-22'], location: 's3://data/lake/prices/market=DE/date=2026-11-22/' };
  await expect(catalog.addPartitions([partition, other])).rejects.toMatchObject({ name: 'InvalidInputException', message: 'Partition DE/2026-11-22 of prices: bad location' });
});
