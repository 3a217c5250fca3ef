import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { ObjectStore, type ObjectStoreOptions } from '../../src/objects';

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'statecraft-objects-'));
}

export async function openStore(options: Partial<ObjectStoreOptions> = {}): Promise<ObjectStore> {
  return ObjectStore.open({ ...options, dataDir: options.dataDir ?? (await tempDir()) });
}

export function body(content: string | Buffer): Readable {
  return Readable.from([Buffer.isBuffer(content) ? content : Buffer.from(content)]);
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readObject(store: ObjectStore, bucket: string, key: string): Promise<Buffer> {
  const opened = await store.openObject(bucket, key);
  return readAll(opened.stream());
}
