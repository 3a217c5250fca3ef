/**
 * `arn:aws:states:::athena:*` tasks in the local runtime: a state machine repairs a table, runs a
 * SELECT with `.sync`, reads its results; a failing query under `.sync` fails the state with
 * States.TaskFailed and GetQueryExecution's output as the cause; API errors are `Athena.<Code>`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalRuntime, type LocalRuntime } from '../../src/host';
import { registry } from '../../workflows/registry';
import { parquetBytes, putBytes } from './helpers';

let runtime: LocalRuntime;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-lake-sfn-'));
  runtime = await createLocalRuntime({ registry, dataDir: dir });
  runtime.objects.createBucket('lake');
  runtime.objects.createBucket('results');
  runtime.lake.catalog.createDatabase({ DatabaseInput: { Name: 'energy' } });
  runtime.lake.catalog.createTable({
    DatabaseName: 'energy',
    TableInput: { Name: 'prices', PartitionKeys: [{ Name: 'date', Type: 'string' }], StorageDescriptor: { Columns: [{ Name: 'price', Type: 'double' }], Location: 's3://lake/prices/' } },
  });
  await putBytes(runtime.objects, 'lake', 'prices/date=2024-01-01/a.parquet', await parquetBytes('SELECT 7.5::DOUBLE AS price'));
});
afterAll(async () => {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

const query = (sql: string) => ({ QueryString: sql, QueryExecutionContext: { Database: 'energy' }, ResultConfiguration: { OutputLocation: 's3://results/sfn/' } });

async function run(name: string, states: Record<string, unknown>, startAt: string) {
  const { stateMachineArn } = runtime.engine.createStateMachine({ name, roleArn: 'arn:aws:iam::000000000000:role/r', definition: JSON.stringify({ StartAt: startAt, States: states }) });
  const { executionArn } = runtime.engine.startExecution({ stateMachineArn, input: '{}' });
  return runtime.engine.waitForExecution(executionArn!)!;
}

test('repair with .sync, query with .sync, then getQueryResults and getQueryExecution', async () => {
  const result = await run(
    'lake-query',
    {
      Repair: { Type: 'Task', Resource: 'arn:aws:states:::athena:startQueryExecution.sync', Parameters: query('MSCK REPAIR TABLE prices'), ResultPath: null, Next: 'Query' },
      Query: { Type: 'Task', Resource: 'arn:aws:states:::athena:startQueryExecution.sync', Parameters: query('SELECT "date", price FROM prices'), Next: 'Results' },
      Results: { Type: 'Task', Resource: 'arn:aws:states:::athena:getQueryResults', Parameters: { 'QueryExecutionId.$': '$.QueryExecution.QueryExecutionId' }, ResultPath: '$.Results', Next: 'Again' },
      Again: { Type: 'Task', Resource: 'arn:aws:states:::athena:getQueryExecution', Parameters: { 'QueryExecutionId.$': '$.QueryExecution.QueryExecutionId' }, ResultPath: '$.Again', End: true },
    },
    'Repair',
  );
  expect(result.status).toBe('SUCCEEDED');
  const output = result.output as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(output.QueryExecution).toMatchObject({ Status: { State: 'SUCCEEDED' }, StatementType: 'DML', WorkGroup: 'primary', QueryExecutionContext: { Database: 'energy' } });
  expect(typeof output.QueryExecution.Status.SubmissionDateTime).toBe('number');
  expect(output.Results.ResultSet.Rows).toEqual([{ Data: [{ VarCharValue: 'date' }, { VarCharValue: 'price' }] }, { Data: [{ VarCharValue: '2024-01-01' }, { VarCharValue: '7.5' }] }]);
  expect(output.Again.QueryExecution.QueryExecutionId).toBe(output.QueryExecution.QueryExecutionId);
});

test('startQueryExecution without .sync returns the id at once; stopQueryExecution answers {}', async () => {
  const result = await run(
    'lake-start',
    {
      Start: { Type: 'Task', Resource: 'arn:aws:states:::athena:startQueryExecution', Parameters: query('SELECT 1'), Next: 'Stop' },
      Stop: { Type: 'Task', Resource: 'arn:aws:states:::athena:stopQueryExecution', Parameters: { 'QueryExecutionId.$': '$.QueryExecutionId' }, ResultPath: '$.Stopped', End: true },
    },
    'Start',
  );
  expect(result.status).toBe('SUCCEEDED');
  expect(result.output).toEqual({ QueryExecutionId: expect.any(String), Stopped: {} });
});

test('a failed query under .sync fails the state with States.TaskFailed; an API error is Athena.InvalidRequestException', async () => {
  const failed = await run('lake-fail', { Q: { Type: 'Task', Resource: 'arn:aws:states:::athena:startQueryExecution.sync', Parameters: query('SELECT nope FROM prices'), End: true } }, 'Q');
  expect(failed).toMatchObject({ status: 'FAILED', error: 'States.TaskFailed' });
  expect(JSON.parse(failed.cause!)).toMatchObject({ QueryExecution: { Status: { State: 'FAILED', StateChangeReason: expect.stringContaining('nope') } } });
  const caught = await run(
    'lake-api-error',
    {
      Q: { Type: 'Task', Resource: 'arn:aws:states:::athena:getQueryExecution', Parameters: { QueryExecutionId: 'ghost' }, Catch: [{ ErrorEquals: ['Athena.InvalidRequestException'], Next: 'Caught' }], End: true },
      Caught: { Type: 'Pass', End: true },
    },
    'Q',
  );
  expect(caught.status).toBe('SUCCEEDED');
  expect(caught.output).toMatchObject({ Error: 'Athena.InvalidRequestException', Cause: expect.stringContaining('QueryExecution ghost was not found (Service: AmazonAthena; Status Code: 400; Error Code: InvalidRequestException') });
});
