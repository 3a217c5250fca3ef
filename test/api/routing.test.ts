/** Requests reach S3 without X-Amz-Target and other JSON APIs through their target prefix. */
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
