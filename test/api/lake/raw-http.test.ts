/** The wire shapes: JSON 1.1 content type, `__type` with the bare error name, `Message`, and Athena's `AthenaErrorCode`. */
import { startLakeEndpoint, type LakeEndpoint } from './harness';

let h: LakeEndpoint;
beforeAll(async () => {
  h = await startLakeEndpoint();
});
afterAll(() => h.close());

async function call(target: string, body: unknown): Promise<{ status: number; type: string | null; json: Record<string, unknown> }> {
  const res = await fetch(h.server.url, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, type: res.headers.get('content-type'), json: (await res.json()) as Record<string, unknown> };
}

test.each([
  ['AWSGlue.GetDatabase', { Name: 'nope' }, 400, { __type: 'EntityNotFoundException', Message: 'Database nope not found.' }],
  ['AWSGlue.GetTable', { DatabaseName: 'nope' }, 400, { __type: 'InvalidInputException' }],
  ['AWSGlue.GetPartitions', { DatabaseName: 'nope', TableName: 't' }, 400, { __type: 'EntityNotFoundException', Message: 'Database nope not found.' }],
  ['AWSGlue.Frobnicate', {}, 400, { __type: 'com.amazon.coral.service#UnknownOperationException' }],
  ['AWSGlue.GetDatabases', '{not json', 400, { __type: 'com.amazon.coral.service#SerializationException' }],
  ['AmazonAthena.GetQueryExecution', { QueryExecutionId: 'nope' }, 400, { __type: 'InvalidRequestException', Message: 'QueryExecution nope was not found', AthenaErrorCode: 'INVALID_INPUT' }],
  ['AmazonAthena.StartQueryExecution', {}, 400, { __type: 'InvalidRequestException' }],
  ['AmazonAthena.GetWorkGroup', { WorkGroup: 'nope' }, 400, { __type: 'InvalidRequestException', Message: 'WorkGroup nope is not found.' }],
])('%s %j → %i', async (target, body, status, shape) => {
  const reply = await call(target, body);
  expect(reply.status).toBe(status);
  expect(reply.type).toBe('application/x-amz-json-1.1');
  expect(reply.json).toMatchObject(shape);
});

test('a success is a JSON 1.1 document with dates as epoch seconds', async () => {
  expect((await call('AWSGlue.CreateDatabase', { DatabaseInput: { Name: 'raw' } })).status).toBe(200);
  const { json } = await call('AWSGlue.GetDatabase', { Name: 'raw' });
  expect(json.Database).toMatchObject({ Name: 'raw' });
  expect(typeof (json.Database as { CreateTime: unknown }).CreateTime).toBe('number');
  const { json: groups } = await call('AmazonAthena.ListWorkGroups', {});
  expect(groups).toMatchObject({ WorkGroups: [{ Name: 'primary', State: 'ENABLED' }] });
});
