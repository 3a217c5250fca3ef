/**
 * Requests reach S3 without X-Amz-Target and other JSON APIs through their target prefix; REST APIs
 * other than S3 (Scheduler) through the service their SigV4 signature names.
 */
import { Engine } from '../../src/control';
import { createServer, type RunningServer } from '../../src/api';
import { sendJson } from '../../src/api/json-protocol';

let engine: Engine;
let server: RunningServer;
const seen: string[] = [];

beforeAll(async () => {
  engine = new Engine({ lambda: { invoke: async () => ({ payload: 'null', executedVersion: '$LATEST' }) } });
  server = await createServer(engine, {
    s3Handler: async (req, res) => {
      seen.push(`s3 ${req.method} ${req.url}`);
      res.end('s3');
    },
    targets: {
      AWSEvents: async (operation, body, res) => {
        seen.push(`events ${operation} ${body.toString()}`);
        sendJson(res, 200, { ok: true });
      },
    },
    restServices: {
      scheduler: async (req, res) => {
        seen.push(`scheduler ${req.method} ${req.url}`);
        res.end('scheduler');
      },
    },
  });
});
afterAll(async () => {
  await server.close();
  engine.close();
});

test('routes by X-Amz-Target prefix, and to S3 without one', async () => {
  await fetch(`${server.url}/bucket/key`, { method: 'PUT', body: 'x' });
  const events = await fetch(server.url, { method: 'POST', headers: { 'x-amz-target': 'AWSEvents.PutEvents' }, body: '{"Entries":[]}' });
  expect(await events.json()).toEqual({ ok: true });
  expect(seen).toEqual(['s3 PUT /bucket/key', 'events PutEvents {"Entries":[]}']);
});

const scope = (service: string) => `AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=00`;

test.each([
  ['signed for scheduler', { authorization: scope('scheduler') }, '/schedules/daily', 'scheduler GET /schedules/daily'],
  ['signed for s3', { authorization: scope('s3') }, '/schedules/daily', 's3 GET /schedules/daily'],
  ['unsigned', {}, '/schedules/daily', 's3 GET /schedules/daily'],
  ['presigned for s3', {}, '/b/k?X-Amz-Credential=AKID%2F20240101%2Fus-east-1%2Fs3%2Faws4_request', 's3 GET /b/k?X-Amz-Credential=AKID%2F20240101%2Fus-east-1%2Fs3%2Faws4_request'],
  ['signed for a service nobody serves', { authorization: scope('glacier') }, '/x', 's3 GET /x'],
])('a REST request %s goes where its signature says', async (_, headers, path, expected) => {
  seen.length = 0;
  await (await fetch(`${server.url}${path}`, { headers })).text();
  expect(seen).toEqual([expected]);
});
