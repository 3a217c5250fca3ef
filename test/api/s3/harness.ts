import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { S3Client } from '@aws-sdk/client-s3';
import { createS3Handler } from '../../../src/api/s3';
import type { ObjectStore, S3EventBridgeEvent } from '../../../src/objects';
import { openStore } from '../../objects/helpers';

export const ACCOUNT = '123456789012';
export const REGION = 'eu-central-1';

export interface Harness {
  store: ObjectStore;
  client: S3Client;
  endpoint: string;
  events: S3EventBridgeEvent[];
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 with the S3 handler, and a real SDK client pointed at it. */
export async function startHarness(dataDir?: string): Promise<Harness> {
  const events: S3EventBridgeEvent[] = [];
  const store = await openStore({ dataDir, region: REGION, account: ACCOUNT, onEvent: (event) => events.push(event) });
  const handler = createS3Handler(store, { region: REGION, account: ACCOUNT });
  const server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new S3Client({
    endpoint,
    region: REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' },
  });
  return {
    store,
    client,
    endpoint,
    events,
    async close() {
      client.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}

/** Sends a raw HTTP request (for framings and malformed input the SDK would never produce). */
export function rawRequest(
  endpoint: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer | string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${endpoint}${options.path}`, { method: options.method, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
