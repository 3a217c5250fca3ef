/** `aws glue …`, `aws s3 cp` and `aws athena …` against the local endpoint, as the user does it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsCli, describeWithAwsCli } from '../../support/aws-cli';
import { parquetBytes } from '../../lake/helpers';
import { eventually } from '../../support/eventually';
import { startLakeEndpoint, type LakeEndpoint } from './harness';

describeWithAwsCli('the AWS CLI against the lake', () => {
  let h: LakeEndpoint;
  let files: string;
  const cli = awsCli(() => h.server.url);

  beforeAll(async () => {
    h = await startLakeEndpoint();
    files = mkdtempSync(join(tmpdir(), 'statecraft-cli-parquet-'));
  });
  afterAll(async () => {
    await h.close();
    rmSync(files, { recursive: true, force: true });
  });

  test('create a database and table, copy Parquet in, repair, query, read the rows', async () => {
    await cli('s3', 'mb', 's3://lake');
    await cli('s3', 'mb', 's3://results');
    await cli.json('glue', 'create-database', '--database-input', '{"Name":"energy"}');
    const table = { Name: 'prices', PartitionKeys: [{ Name: 'market', Type: 'string' }], StorageDescriptor: { Columns: [{ Name: 'price', Type: 'double' }], Location: 's3://lake/prices/' } };
    await cli.json('glue', 'create-table', '--database-name', 'energy', '--table-input', JSON.stringify(table));
    const file = join(files, 'np.parquet');
    writeFileSync(file, await parquetBytes('SELECT 12.5::DOUBLE AS price'));
    await cli('s3', 'cp', file, 's3://lake/prices/market=NP/data.parquet');

    const start = async (sql: string) => (await cli.json('athena', 'start-query-execution', '--query-string', sql, '--query-execution-context', 'Database=energy', '--result-configuration', 'OutputLocation=s3://results/')).QueryExecutionId as string;
    const wait = (id: string) =>
      eventually(async () => {
        const { QueryExecution } = await cli.json('athena', 'get-query-execution', '--query-execution-id', id);
        return ['SUCCEEDED', 'FAILED'].includes(QueryExecution.Status.State) ? QueryExecution : undefined;
      });
    expect((await wait(await start('MSCK REPAIR TABLE prices'))).Status.State).toBe('SUCCEEDED');
    const id = await start('SELECT market, price FROM prices');
    expect((await wait(id)).Status.State).toBe('SUCCEEDED');
    const results = await cli.json('athena', 'get-query-results', '--query-execution-id', id);
    expect(results.ResultSet.Rows).toEqual([{ Data: [{ VarCharValue: 'market' }, { VarCharValue: 'price' }] }, { Data: [{ VarCharValue: 'NP' }, { VarCharValue: '12.5' }] }]);
    const { stdout } = await cli('s3', 'cp', `s3://results/${id}.csv`, '-');
    expect(stdout).toBe('"market","price"\n"NP","12.5"\n');
    await expect(cli.json('glue', 'get-table', '--database-name', 'energy', '--name', 'ghost')).rejects.toThrow(/EntityNotFoundException.*Table ghost not found/);
  }, 120_000); // a dozen CLI processes, each a Python start-up
});
