/** {@link ObjectService} over the local object store. */
import { Readable } from 'node:stream';
import type { ObjectStore } from '../objects';
import type { ObjectRef, ObjectService } from '../services/services';

export class LocalObjectService implements ObjectService {
  constructor(private readonly store: ObjectStore) {}

  async getText(ref: ObjectRef): Promise<string> {
    return (await this.getBytes(ref)).toString('utf8');
  }

  async getBytes(ref: ObjectRef): Promise<Buffer> {
    const opened = await this.store.openObject(ref.bucket, ref.key);
    const chunks: Buffer[] = [];
    for await (const chunk of opened.stream()) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async putText(ref: ObjectRef, text: string, contentType = 'application/json'): Promise<void> {
    await this.store.putObject(ref.bucket, ref.key, Readable.from([Buffer.from(text, 'utf8')]), { contentType });
  }

  async etag(ref: ObjectRef): Promise<string> {
    return this.store.headObject(ref.bucket, ref.key).etag;
  }

  async listKeys(bucket: string, prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = this.store.listObjects(bucket, { prefix, continuationToken: token });
      keys.push(...page.contents.map((object) => object.key));
      token = page.nextContinuationToken;
    } while (token);
    return keys;
  }
}
