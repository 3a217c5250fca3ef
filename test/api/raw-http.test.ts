/** What the server answers to requests no SDK would send. */
import { startHarness, type Harness } from './sfn-harness';

describe('raw JSON-protocol requests', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(() => h.close());

  async function post(target: string | undefined, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
    const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.0' };
    if (target) headers['x-amz-target'] = target;
    const res = await fetch(`${h.server.url}/`, { method: 'POST', headers, body });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  test.each([
    ['an unknown operation', 'AWSStepFunctions.Nope', '{}', 400, 'com.amazon.coral.service#UnknownOperationException'],
    ['an unknown target prefix', 'AWSNothing.Foo', '{}', 400, 'com.amazon.coral.service#UnknownOperationException'],
    ['malformed JSON', 'AWSStepFunctions.ListStateMachines', '{"maxResults":', 400, 'com.amazon.coral.service#SerializationException'],
    ['a JSON array', 'AWSStepFunctions.ListStateMachines', '[]', 400, 'com.amazon.coral.service#SerializationException'],
    ['a missing execution', 'AWSStepFunctions.DescribeExecution', '{"executionArn":"arn:aws:states:us-east-1:000000000000:execution:a:b"}', 400, 'com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist'],
    ['a wrong field type', 'AWSStepFunctions.StartExecution', '{"stateMachineArn": 5}', 400, 'com.amazonaws.swf.service.v2.model#InvalidArn'],
    ['no target and no S3 handler', undefined, '{}', 400, 'com.amazon.coral.service#UnknownOperationException'],
  ])('%s gets an AWS JSON error', async (_, target, body, status, type) => {
    const res = await post(target, body);
    expect(res.status).toBe(status);
    expect(res.json.__type).toBe(type);
    expect(typeof res.json.message).toBe('string');
  });

  test('a body over the size cap is refused with 413', async () => {
    const res = await post('AWSStepFunctions.ListStateMachines', JSON.stringify({ pad: 'x'.repeat(3 * 1024 * 1024) }));
    expect(res.status).toBe(413);
  });

  test('dates are epoch seconds', async () => {
    const def = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    const res = await post('AWSStepFunctions.CreateStateMachine', JSON.stringify({ name: 'dates', definition: def, roleArn: 'arn:aws:iam::000000000000:role/r' }));
    expect(res.json.creationDate).toBe(Date.UTC(2024, 0, 1) / 1000);
  });
});
