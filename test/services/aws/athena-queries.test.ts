import { AthenaClient, GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand, type GetQueryResultsOutput, type QueryExecutionState } from '@aws-sdk/client-athena';
import { mockClient } from 'aws-sdk-client-mock';
import { AthenaLakeQueries } from '../../../src/services/aws/athena-queries';
import { TaskFailure } from '../../../src/services/errors';

const athena = mockClient(AthenaClient);
const sleeps: number[] = [];
const queries = new AthenaLakeQueries(new AthenaClient({ region: 'eu-west-1' }), {
  workGroup: 'statecraft-lake',
  database: 'statecraft',
  pollMillis: 250,
  sleep: async (millis) => {
    sleeps.push(millis);
  },
});

const SQL = 'SELECT market, price FROM prices';
const status = (State: QueryExecutionState, StateChangeReason?: string) => ({ QueryExecution: { QueryExecutionId: 'q-1', Status: { State, StateChangeReason } } });
const columns = (...names: string[]) => ({ ColumnInfo: names.map((Name) => ({ Name, Type: 'varchar' })) });
const row = (...values: Array<string | undefined>) => ({ Data: values.map((VarCharValue) => (VarCharValue === undefined ? {} : { VarCharValue })) });

beforeEach(() => {
  athena.reset();
  sleeps.length = 0;
  athena.on(StartQueryExecutionCommand).resolves({ QueryExecutionId: 'q-1' });
});

test('starts the query in the workgroup and database, polls until it succeeds, then reads its results', async () => {
  athena.on(GetQueryExecutionCommand).resolvesOnce(status('QUEUED')).resolvesOnce(status('RUNNING')).resolves(status('SUCCEEDED'));
  athena.on(GetQueryResultsCommand).resolves({ ResultSet: { ResultSetMetadata: columns('market', 'price'), Rows: [row('market', 'price'), row('DE', '41.5')] } });

  await expect(queries.query(SQL)).resolves.toEqual([{ market: 'DE', price: '41.5' }]);
  expect(athena.commandCalls(StartQueryExecutionCommand).map((call) => call.args[0].input)).toEqual([
    { QueryString: SQL, WorkGroup: 'statecraft-lake', QueryExecutionContext: { Database: 'statecraft' } },
  ]);
  expect(athena.commandCalls(GetQueryExecutionCommand).map((call) => call.args[0].input)).toEqual(Array(3).fill({ QueryExecutionId: 'q-1' }));
  expect(sleeps).toEqual([250, 250]);
  expect(athena.commandCalls(GetQueryResultsCommand).map((call) => call.args[0].input)).toEqual([{ QueryExecutionId: 'q-1', NextToken: undefined }]);
});

test('names the output location when asked, for a workgroup that sets none', async () => {
  athena.on(GetQueryExecutionCommand).resolves(status('SUCCEEDED'));
  athena.on(GetQueryResultsCommand).resolves({ ResultSet: { ResultSetMetadata: columns('n'), Rows: [row('n'), row('1')] } });
  const located = new AthenaLakeQueries(new AthenaClient({ region: 'eu-west-1' }), { workGroup: 'primary', database: 'statecraft', outputLocation: 's3://data/results/', sleep: async () => undefined });

  await expect(located.query(SQL)).resolves.toEqual([{ n: '1' }]);
  expect(athena.commandCalls(StartQueryExecutionCommand).map((call) => call.args[0].input)).toEqual([
    { QueryString: SQL, WorkGroup: 'primary', QueryExecutionContext: { Database: 'statecraft' }, ResultConfiguration: { OutputLocation: 's3://data/results/' } },
  ]);
});

test('follows NextToken through every page; only the first page carries the header row', async () => {
  athena.on(GetQueryExecutionCommand).resolves(status('SUCCEEDED'));
  const pages: GetQueryResultsOutput[] = [
    { ResultSet: { ResultSetMetadata: columns('hour', 'p50'), Rows: [row('hour', 'p50'), row('0', '40.1')] }, NextToken: 't1' },
    { ResultSet: { ResultSetMetadata: columns('hour', 'p50'), Rows: [row('1', '39.8')] }, NextToken: 't2' },
    { ResultSet: { ResultSetMetadata: columns('hour', 'p50'), Rows: [row('2', undefined)] } },
  ];
  athena.on(GetQueryResultsCommand, { NextToken: undefined }).resolves(pages[0]!);
  athena.on(GetQueryResultsCommand, { NextToken: 't1' }).resolves(pages[1]!);
  athena.on(GetQueryResultsCommand, { NextToken: 't2' }).resolves(pages[2]!);

  await expect(queries.query(SQL)).resolves.toEqual([
    { hour: '0', p50: '40.1' },
    { hour: '1', p50: '39.8' },
    { hour: '2', p50: null },
  ]);
  expect(athena.commandCalls(GetQueryResultsCommand).map((call) => call.args[0].input.NextToken)).toEqual([undefined, 't1', 't2']);
});

test.each([
  ['a SELECT with no rows has only its header', columns('market'), [row('market')], []],
  ['a statement without a header row (SHOW PARTITIONS) keeps its first row', columns('partition'), [row('market=DE/date=2026-11-21')], [{ partition: 'market=DE/date=2026-11-21' }]],
  ['a statement with no result set (DDL) has no rows', undefined, undefined, []],
])('%s', async (_what, metadata, rows, expected) => {
  athena.on(GetQueryExecutionCommand).resolves(status('SUCCEEDED'));
  athena.on(GetQueryResultsCommand).resolves({ ResultSet: { ResultSetMetadata: metadata, Rows: rows } });
  await expect(queries.query(SQL)).resolves.toEqual(expected);
});

describe('a query that does not succeed is a task failure named after how it ended', () => {
  test.each([
    ['FAILED', 'LakeQueryFailed', 'SYNTAX_ERROR: line 1:8: Column \'prize\' cannot be resolved'],
    ['CANCELLED', 'LakeQueryCancelled', 'Query cancelled by user'],
    ['FAILED', 'LakeQueryFailed', undefined],
  ] as const)('%s → %s', async (state, name, reason) => {
    athena.on(GetQueryExecutionCommand).resolvesOnce(status('RUNNING')).resolves(status(state, reason));
    const error = await queries.query(SQL).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(TaskFailure);
    expect(error).toMatchObject({ name, message: `Athena query q-1 ${state}: ${reason ?? 'no reason given'}` });
    expect(athena.commandCalls(GetQueryResultsCommand)).toHaveLength(0);
  });

  test('Athena starting no execution', async () => {
    athena.on(StartQueryExecutionCommand).resolves({});
    await expect(queries.query(SQL)).rejects.toMatchObject({ name: 'LakeQueryFailed' });
    expect(athena.commandCalls(GetQueryExecutionCommand)).toHaveLength(0);
  });
});

test('an SDK error (e.g. a throttled StartQueryExecution) propagates unchanged for Retry to match', async () => {
  const throttled = Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' });
  athena.on(StartQueryExecutionCommand).rejects(throttled);
  await expect(queries.query(SQL)).rejects.toBe(throttled);
});
