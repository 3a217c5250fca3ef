/**
 * Idle keep-alive connections stay open past Node's default 5 s, so an SDK client that paused
 * reuses its socket instead of failing with `socket hang up`.
 */
import { Agent, request } from 'node:http';
import { createServer, KEEP_ALIVE_TIMEOUT_MS, type RunningServer } from '../../src/api';
import { Engine } from '../../src/control';

let engine: Engine;
let server: RunningServer;

beforeAll(async () => {
  engine = new Engine({ lambda: { invoke: async () => ({ payload: 'null', executedVersion: '$LATEST' }) } });
  server = await createServer(engine, { s3Handler: async (_req, res) => void res.end('ok') });
});
afterAll(async () => {
  await server.close();
  engine.close();
});

test('the server keeps idle connections about a minute, with headersTimeout above it', () => {
  expect(server.server.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
  expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThanOrEqual(60_000);
  expect(server.server.headersTimeout).toBeGreaterThan(KEEP_ALIVE_TIMEOUT_MS);
});

// 6.5 s: past Node's default 5 s and the second of grace Node adds to it, so a 5 s server fails this.
test('a connection idle for longer than 5 s is reused, not closed', async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<{ body: string; reused: boolean; socket: unknown }>((resolve, reject) => {
      const req = request(`${server.url}/bucket/key`, { agent }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ body, reused: req.reusedSocket, socket: req.socket }));
      });
      req.on('error', reject);
      req.end();
    });
  try {
    const first = await get();
    await new Promise((resolve) => setTimeout(resolve, 6_500));
    const second = await get();
    expect([first.body, second.body]).toEqual(['ok', 'ok']);
    expect(second.reused).toBe(true);
    expect(second.socket).toBe(first.socket);
  } finally {
    agent.destroy();
  }
}, 15_000);
