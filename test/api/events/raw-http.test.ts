/** The AWS JSON 1.1 wire format as EventBridge clients see it, for requests no SDK would send. */
import { request } from 'node:http';
import { startEventsHarness, type EventsHarness } from './harness';

let h: EventsHarness;
beforeAll(async () => {
  h = await startEventsHarness();
});
afterAll(() => h.close());

function post(target: string, body: string): Promise<{ status: number; type: string; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${h.server.url}/`, { method: 'POST', headers: { 'x-amz-target': target, 'content-type': 'application/x-amz-json-1.1' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), json: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('answers are application/x-amz-json-1.1 with the bare error name in __type', async () => {
  const missing = await post('AWSEvents.DescribeRule', '{"Name": "ghost"}');
  expect(missing).toEqual({ status: 400, type: 'application/x-amz-json-1.1', json: { __type: 'ResourceNotFoundException', message: 'Rule ghost does not exist on EventBus default.' } });
  const ok = await post('AWSEvents.ListEventBuses', '');
  expect(ok.status).toBe(200);
  expect(ok.json.EventBuses).toEqual([{ Name: 'default', Arn: 'arn:aws:events:us-east-1:000000000000:event-bus/default' }]);
});

test('unknown operations and malformed bodies', async () => {
  expect((await post('AWSEvents.Nope', '{}')).json.__type).toBe('com.amazon.coral.service#UnknownOperationException');
  expect((await post('AWSEvents.PutRule', '{not json')).json.__type).toBe('com.amazon.coral.service#SerializationException');
});

test('dates in answers are epoch seconds', async () => {
  await post('AWSEvents.CreateEventBus', '{"Name": "dated"}');
  const { json } = await post('AWSEvents.DescribeEventBus', '{"Name": "dated"}');
  expect(json.CreationTime).toBe(Date.UTC(2024, 0, 1) / 1000);
});
