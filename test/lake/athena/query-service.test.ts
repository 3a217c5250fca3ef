/** Athena's query lifecycle over the local lake: DDL into the catalog, SELECTs on DuckDB, results in the output location. */
import { openLake } from '../../../src/lake';
import { eventually } from '../../support/eventually';
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

async function objectText(bucket: string, key: string): Promise<string> {
  const opened = await h.objects.openObject(bucket, key);
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

test('a SELECT writes <id>.csv and <id>.csv.metadata; GetQueryResults gives the header row, Athena types and pages', async () => {
  await runQuery(h.lake, 'MSCK REPAIR TABLE prices');
  const query = await runQuery(h.lake, "SELECT hour, price, market, CAST(NULL AS varchar) AS note, DATE '2024-01-01' AS day FROM prices WHERE market = 'NP' ORDER BY \"date\", hour");
  expect(query.ResultConfiguration.OutputLocation).toBe(`s3://results/athena/${query.QueryExecutionId}.csv`);
  expect(query.StatementType).toBe('DML');
  const csv = await objectText('results', `athena/${query.QueryExecutionId}.csv`);
  expect(csv.split('\n').slice(0, 2)).toEqual(['"hour","price","market","note","day"', '"0","10.0","NP",,"2024-01-01"']);
  expect(JSON.parse(await objectText('results', `athena/${query.QueryExecutionId}.csv.metadata`)).ColumnInfo.map((c: { type: string }) => c.type)).toEqual(['integer', 'double', 'varchar', 'varchar', 'date']);

  const first = (await h.lake.athena.getQueryResults({ QueryExecutionId: query.QueryExecutionId, MaxResults: 2 })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(first.ResultSet.Rows).toEqual([
    { Data: [{ VarCharValue: 'hour' }, { VarCharValue: 'price' }, { VarCharValue: 'market' }, { VarCharValue: 'note' }, { VarCharValue: 'day' }] },
    { Data: [{ VarCharValue: '0' }, { VarCharValue: '10.0' }, { VarCharValue: 'NP' }, {}, { VarCharValue: '2024-01-01' }] },
  ]);
  expect(first.ResultSet.ResultSetMetadata.ColumnInfo[1]).toMatchObject({ Name: 'price', Label: 'price', Type: 'double', CatalogName: 'hive', Nullable: 'UNKNOWN' });
  let token = first.NextToken as string | undefined;
  let rows = 0;
  while (token) {
    const page = (await h.lake.athena.getQueryResults({ QueryExecutionId: query.QueryExecutionId, MaxResults: 2, NextToken: token })) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    rows += page.ResultSet.Rows.length;
    token = page.NextToken;
  }
  expect(rows).toBe(4); // 5 NP rows, one of them on the first page
  // After a restart the result is read back from the output location.
  await h.reopen();
  expect(await resultRows(h.lake, query.QueryExecutionId)).toHaveLength(5);
});

test('a ClientRequestToken makes StartQueryExecution idempotent; another query text with it is refused', async () => {
  const request = { QueryString: 'SELECT 1 AS one', ClientRequestToken: 'a'.repeat(32), ResultConfiguration: { OutputLocation: 's3://results/' } };
  const first = h.lake.athena.startQueryExecution(request);
  expect(h.lake.athena.startQueryExecution(request)).toEqual(first);
  expect(() => h.lake.athena.startQueryExecution({ ...request, QueryString: 'SELECT 2' })).toThrow('Idempotent parameters do not match');
  await h.lake.athena.whenFinished(first.QueryExecutionId);
  expect(h.lake.athena.listQueryExecutions({}).QueryExecutionIds.filter((id) => id === first.QueryExecutionId)).toHaveLength(1);
});

const SLOW = 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 1000000000) SELECT count(*) FROM r';
const stateOf = (id: string) => (h.lake.athena.getQueryExecution({ QueryExecutionId: id }).QueryExecution.Status as { State: string }).State;

test('StartQueryExecution returns before the query runs; a running query that is stopped is CANCELLED and has no results', async () => {
  const { QueryExecutionId } = h.lake.athena.startQueryExecution({ QueryString: SLOW, ResultConfiguration: { OutputLocation: 's3://results/' } });
  expect(['QUEUED', 'RUNNING']).toContain(stateOf(QueryExecutionId));
  await eventually(() => (stateOf(QueryExecutionId) === 'RUNNING' ? true : undefined));
  await new Promise((resolve) => setTimeout(resolve, 100)); // inside DuckDB by now
  h.lake.athena.stopQueryExecution({ QueryExecutionId });
  const stopped = await h.lake.athena.whenFinished(QueryExecutionId);
  expect(stopped.Status).toMatchObject({ State: 'CANCELLED', StateChangeReason: 'Query cancelled by user' });
  await expect(h.lake.athena.getQueryResults({ QueryExecutionId })).rejects.toThrow('Query did not finish successfully. Final query state: CANCELLED');
});

test('Athena errors: unknown query, no output location, unknown work group', async () => {
  expect(() => h.lake.athena.getQueryExecution({ QueryExecutionId: 'nope' })).toThrow('QueryExecution nope was not found');
  expect(() => h.lake.athena.startQueryExecution({ QueryString: 'SELECT 1' })).toThrow('No output location provided');
  expect(() => h.lake.athena.startQueryExecution({ QueryString: 'SELECT 1', WorkGroup: 'nope' })).toThrow('WorkGroup nope is not found.');
});

test("a work group's output location is used when the request names none", async () => {
  h.lake.athena.workGroups.create({ Name: 'lake', Configuration: { ResultConfiguration: { OutputLocation: 's3://results/lake/' } } });
  const { QueryExecutionId } = h.lake.athena.startQueryExecution({ QueryString: 'SELECT 1', WorkGroup: 'lake' });
  const done = await h.lake.athena.whenFinished(QueryExecutionId);
  expect(done.ResultConfiguration.OutputLocation).toBe(`s3://results/lake/${QueryExecutionId}.csv`);
  expect(h.lake.athena.listQueryExecutions({ WorkGroup: 'lake' }).QueryExecutionIds).toEqual([QueryExecutionId]);
  expect(h.lake.athena.workGroups.list().WorkGroups.map((g) => g.Name)).toEqual(['lake', 'primary']);
});

test('a query still queued when the lake closed runs when it reopens', async () => {
  h.lake.close();
  // Recorded QUEUED, as a process killed right after StartQueryExecution leaves it.
  const lake = openLake({ dataDir: h.dir, objects: h.objects, concurrency: 0 });
  const { QueryExecutionId } = lake.athena.startQueryExecution({ QueryString: 'SELECT 41 + 1 AS answer', ResultConfiguration: { OutputLocation: 's3://results/' } });
  lake.close();
  h.lake = openLake({ dataDir: h.dir, objects: h.objects });
  await h.lake.athena.whenFinished(QueryExecutionId);
  expect(await resultRows(h.lake, QueryExecutionId)).toEqual([['42']]);
});
