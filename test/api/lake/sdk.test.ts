/**
 * The lake through the real SDK clients against the endpoint: a database and partitioned Parquet
 * table through Glue, Parquet objects through S3, MSCK REPAIR and a SELECT through Athena; Glue's
 * and Athena's errors as the SDK sees them; everything still there after a restart.
 */
import { GetQueryResultsCommand, GetWorkGroupCommand, ListQueryExecutionsCommand, ListWorkGroupsCommand, StartQueryExecutionCommand, StopQueryExecutionCommand, CreateWorkGroupCommand } from '@aws-sdk/client-athena';
import { BatchCreatePartitionCommand, CreateDatabaseCommand, CreateTableCommand, GetPartitionsCommand, GetTableCommand, GetDatabaseCommand } from '@aws-sdk/client-glue';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { parquetBytes } from '../../lake/helpers';
import { finished, startLakeEndpoint, type LakeEndpoint } from './harness';

let h: LakeEndpoint;
beforeAll(async () => {
  h = await startLakeEndpoint();
  await h.s3.send(new CreateBucketCommand({ Bucket: 'lake' }));
  await h.s3.send(new CreateBucketCommand({ Bucket: 'results' }));
  await h.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'energy' } }));
  await h.glue.send(
    new CreateTableCommand({
      DatabaseName: 'energy',
      TableInput: {
        Name: 'prices',
        PartitionKeys: [{ Name: 'market', Type: 'string' }, { Name: 'date', Type: 'string' }],
        StorageDescriptor: { Columns: [{ Name: 'hour', Type: 'int' }, { Name: 'price', Type: 'double' }], Location: 's3://lake/prices/' },
      },
    }),
  );
  for (const [date, base] of [['2024-01-01', 10], ['2024-01-02', 20]] as const) {
    const Body = await parquetBytes(`SELECT h::INT AS hour, (${base} + h)::DOUBLE AS price FROM range(24) t(h)`);
    await h.s3.send(new PutObjectCommand({ Bucket: 'lake', Key: `prices/market=NP/date=${date}/data.parquet`, Body }));
  }
});
afterAll(() => h.close());

async function query(sql: string, extra: Record<string, unknown> = {}) {
  const { QueryExecutionId } = await h.athena.send(new StartQueryExecutionCommand({ QueryString: sql, QueryExecutionContext: { Database: 'energy' }, ResultConfiguration: { OutputLocation: 's3://results/q/' }, ...extra }));
  return finished(h.athena, QueryExecutionId!);
}

test('MSCK REPAIR, GetPartitions with an Expression, and a SELECT whose results are in S3', async () => {
  expect((await query('MSCK REPAIR TABLE prices')).Status?.State).toBe('SUCCEEDED');
  const { Partitions } = await h.glue.send(new GetPartitionsCommand({ DatabaseName: 'energy', TableName: 'prices', Expression: "date > '2024-01-01'" }));
  expect(Partitions?.map((p) => p.Values)).toEqual([['NP', '2024-01-02']]);
  expect(Partitions?.[0]?.CreationTime).toBeInstanceOf(Date);

  const done = await query("SELECT \"date\", round(avg(price), 2) AS mean, max(price) AS peak FROM prices WHERE market = 'NP' GROUP BY 1 ORDER BY 1");
  expect(done.Status?.State).toBe('SUCCEEDED');
  expect(done.Statistics?.DataScannedInBytes).toBeGreaterThan(0);
  expect(done.Statistics?.EngineExecutionTimeInMillis).toBeGreaterThanOrEqual(0);
  expect(done.Status?.SubmissionDateTime).toBeInstanceOf(Date);
  const results = await h.athena.send(new GetQueryResultsCommand({ QueryExecutionId: done.QueryExecutionId }));
  expect(results.ResultSet?.Rows?.map((r) => r.Data?.map((d) => d.VarCharValue))).toEqual([
    ['date', 'mean', 'peak'],
    ['2024-01-01', '21.5', '33.0'],
    ['2024-01-02', '31.5', '43.0'],
  ]);
  expect(results.ResultSet?.ResultSetMetadata?.ColumnInfo?.map((c) => c.Type)).toEqual(['varchar', 'double', 'double']);
  const csv = await h.s3.send(new GetObjectCommand({ Bucket: 'results', Key: `q/${done.QueryExecutionId}.csv` }));
  expect(await csv.Body?.transformToString()).toBe('"date","mean","peak"\n"2024-01-01","21.5","33.0"\n"2024-01-02","31.5","43.0"\n');
});

test("Glue's and Athena's errors reach the SDK by name", async () => {
  await expect(h.glue.send(new GetTableCommand({ DatabaseName: 'energy', Name: 'nope' }))).rejects.toMatchObject({ name: 'EntityNotFoundException', message: 'Table nope not found.' });
  await expect(h.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'energy' } }))).rejects.toMatchObject({ name: 'AlreadyExistsException' });
  await expect(h.glue.send(new GetPartitionsCommand({ DatabaseName: 'energy', TableName: 'prices', Expression: 'price = 1' }))).rejects.toMatchObject({ name: 'InvalidInputException' });
  await expect(h.athena.send(new GetQueryResultsCommand({ QueryExecutionId: 'nope' }))).rejects.toMatchObject({ name: 'InvalidRequestException', message: 'QueryExecution nope was not found', AthenaErrorCode: 'INVALID_INPUT' });
  await expect(h.athena.send(new StartQueryExecutionCommand({ QueryString: 'SELECT 1' }))).rejects.toMatchObject({ name: 'InvalidRequestException' });
  const failed = await query('SELECT * FROM missing');
  expect(failed.Status).toMatchObject({ State: 'FAILED', StateChangeReason: "Table 'awsdatacatalog.energy.missing' does not exist", AthenaError: { ErrorCategory: 2 } });
  await expect(h.athena.send(new GetQueryResultsCommand({ QueryExecutionId: failed.QueryExecutionId }))).rejects.toMatchObject({ message: 'Query did not finish successfully. Final query state: FAILED' });
});

test('work groups, listing queries, stopping a finished query, BatchCreatePartition errors', async () => {
  await h.athena.send(new CreateWorkGroupCommand({ Name: 'lake', Configuration: { ResultConfiguration: { OutputLocation: 's3://results/lake/' } } }));
  expect((await h.athena.send(new GetWorkGroupCommand({ WorkGroup: 'lake' }))).WorkGroup).toMatchObject({ Name: 'lake', State: 'ENABLED', Configuration: { ResultConfiguration: { OutputLocation: 's3://results/lake/' } } });
  expect((await h.athena.send(new ListWorkGroupsCommand({}))).WorkGroups?.map((g) => g.Name)).toEqual(['lake', 'primary']);
  const done = await query('SELECT 1 AS one', { WorkGroup: 'lake', ResultConfiguration: undefined });
  expect(done.ResultConfiguration?.OutputLocation).toBe(`s3://results/lake/${done.QueryExecutionId}.csv`);
  expect((await h.athena.send(new ListQueryExecutionsCommand({ WorkGroup: 'lake' }))).QueryExecutionIds).toEqual([done.QueryExecutionId]);
  await h.athena.send(new StopQueryExecutionCommand({ QueryExecutionId: done.QueryExecutionId }));
  expect((await finished(h.athena, done.QueryExecutionId!)).Status?.State).toBe('SUCCEEDED');
  const batch = await h.glue.send(new BatchCreatePartitionCommand({ DatabaseName: 'energy', TableName: 'prices', PartitionInputList: [{ Values: ['NP', '2024-01-01'] }] }));
  expect(batch.Errors?.[0]?.ErrorDetail?.ErrorCode).toBe('AlreadyExistsException');
});

test('the catalog, query history and results survive a restart of the endpoint', async () => {
  const done = await query('SELECT count(*) AS n FROM prices');
  await h.restart();
  expect((await h.glue.send(new GetDatabaseCommand({ Name: 'energy' }))).Database?.Name).toBe('energy');
  expect((await h.glue.send(new GetPartitionsCommand({ DatabaseName: 'energy', TableName: 'prices' }))).Partitions).toHaveLength(2);
  expect((await finished(h.athena, done.QueryExecutionId!)).Status?.State).toBe('SUCCEEDED');
  const results = await h.athena.send(new GetQueryResultsCommand({ QueryExecutionId: done.QueryExecutionId }));
  expect(results.ResultSet?.Rows?.[1]?.Data?.[0]?.VarCharValue).toBe('48');
});
