/** {@link ObjectService} over the local object store, raising the services' errors, not the store's S3 ones. */
import { Readable } from 'node:stream';
import { S3Error, type ObjectStore } from '../objects';
import { ObjectNotFound } from '../services/errors';
import { withLocalCopy } from '../services/local-file';
import type { ObjectRef, ObjectService } from '../services/objects';

export class LocalObjectService implements ObjectService {
  constructor(private readonly store: ObjectStore) {}

  async getText(ref: ObjectRef): Promise<string> {
    return (await this.getBytes(ref)).toString('utf8');
  }

  async getBytes(ref: ObjectRef): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.getStream(ref)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async getStream(ref: ObjectRef): Promise<Readable> {
    const opened = await this.found(ref, () => this.store.openObject(ref.bucket, ref.key));
    return opened.stream();
  }

  async withLocalFile<T>(ref: ObjectRef, work: (path: string) => Promise<T>): Promise<T> {
    return withLocalCopy(await this.getStream(ref), ref.key, work);
  }

  async putText(ref: ObjectRef, text: string, contentType = 'application/json'): Promise<void> {
    await this.put(ref, Buffer.from(text, 'utf8'), contentType);
  }

  async put(ref: ObjectRef, body: Buffer | Readable, contentType = 'application/octet-stream'): Promise<void> {
    await this.found(ref, () => this.store.putObject(ref.bucket, ref.key, Buffer.isBuffer(body) ? Readable.from([body]) : body, { contentType }));
  }

  async etag(ref: ObjectRef): Promise<string> {
    return this.found(ref, async () => this.store.headObject(ref.bucket, ref.key).etag);
  }

  async listKeys(bucket: string, prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.found({ bucket, key: prefix }, async () => this.store.listObjects(bucket, { prefix, continuationToken: token }));
      keys.push(...page.contents.map((object) => object.key));
      token = page.nextContinuationToken;
    } while (token);
    return keys;
  }

  private async found<T>(ref: ObjectRef, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (err instanceof S3Error && (err.code === 'NoSuchKey' || err.code === 'NoSuchBucket')) throw new ObjectNotFound(ref);
      throw err;
    }
  }
}
