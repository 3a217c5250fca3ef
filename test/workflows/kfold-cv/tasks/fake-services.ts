/** In-memory services for handler tests: objects in a Map, jobs run in the test's own thread. */
import { S3Error } from '../../../../src/objects';
import type { ComputePool, HandlerServices, ModelRegistryService, ObjectRef, ObjectService } from '../../../../src/services/services';

export class MemoryObjects implements ObjectService {
  readonly objects = new Map<string, Buffer>();

  async getText(ref: ObjectRef): Promise<string> {
    return (await this.getBytes(ref)).toString('utf8');
  }

  async getBytes(ref: ObjectRef): Promise<Buffer> {
    const body = this.objects.get(`${ref.bucket}/${ref.key}`);
    if (!body) throw new S3Error('NoSuchKey', 'The specified key does not exist.', `/${ref.bucket}/${ref.key}`);
    return body;
  }

  async putText(ref: ObjectRef, text: string): Promise<void> {
    this.objects.set(`${ref.bucket}/${ref.key}`, Buffer.from(text));
  }

  async etag(ref: ObjectRef): Promise<string> {
    return String((await this.getBytes(ref)).length);
  }

  async listKeys(bucket: string, prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((id) => id.startsWith(`${bucket}/${prefix}`)).map((id) => id.slice(bucket.length + 1)).sort();
  }
}

/** Runs jobs synchronously in this thread: the same functions the workers run. */
export const inlineCompute: ComputePool = {
  run: async <T>(modulePath: string, exportName: string, argument: unknown) => (require(modulePath) as Record<string, (a: unknown) => T>)[exportName](argument),
};

export function fakeServices(objects = new MemoryObjects()): HandlerServices & { objects: MemoryObjects } {
  return { objects, compute: inlineCompute, clock: { now: () => new Date('2026-01-01T00:00:00Z') }, models: {} as ModelRegistryService };
}
