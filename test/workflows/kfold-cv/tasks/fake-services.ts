/**
 * In-memory services for handler tests: objects in a Map, jobs run in the test's own thread, and
 * {@link runTask}, which validates the input as hosts do but leaves out confinement (these tests
 * use buckets of their own; confinement has its own tests).
 */
import { Readable } from 'node:stream';
import type { TaskDefinition } from '../../../../src/builder';
import { assertPayload } from '../../../../src/schemas';
import { ObjectNotFound, type ComputePool, type HandlerServices, type ModelRegistryService, type ObjectRef, type ObjectService } from '../../../../src/services';
import { withLocalCopy } from '../../../../src/services/local-file';

export class MemoryObjects implements ObjectService {
  readonly objects = new Map<string, Buffer>();

  async getText(ref: ObjectRef): Promise<string> {
    return (await this.getBytes(ref)).toString('utf8');
  }

  async getBytes(ref: ObjectRef): Promise<Buffer> {
    const body = this.objects.get(`${ref.bucket}/${ref.key}`);
    if (!body) throw new ObjectNotFound(ref);
    return body;
  }

  async getStream(ref: ObjectRef): Promise<Readable> {
    return Readable.from([await this.getBytes(ref)]);
  }

  async withLocalFile<T>(ref: ObjectRef, work: (path: string) => Promise<T>): Promise<T> {
    return withLocalCopy(await this.getStream(ref), ref.key, work);
  }

  async putText(ref: ObjectRef, text: string): Promise<void> {
    this.objects.set(`${ref.bucket}/${ref.key}`, Buffer.from(text));
  }

  async put(ref: ObjectRef, body: Buffer | Readable): Promise<void> {
    const chunks: Buffer[] = [];
    if (Buffer.isBuffer(body)) chunks.push(body);
    else for await (const chunk of body) chunks.push(chunk as Buffer);
    this.objects.set(`${ref.bucket}/${ref.key}`, Buffer.concat(chunks));
  }

  async etag(ref: ObjectRef): Promise<string> {
    return String((await this.getBytes(ref)).length);
  }

  async listKeys(bucket: string, prefix: string): Promise<string[]> {
    return [...this.objects.keys()].filter((id) => id.startsWith(`${bucket}/${prefix}`)).map((id) => id.slice(bucket.length + 1)).sort();
  }
}

/** Runs jobs synchronously in this thread: the same functions the workers run. */
export const inlineCompute: ComputePool = { run: async (job, argument) => job.run(argument) };

const unused = (name: string) => () => Promise.reject(new Error(`this test's services have no ${name}`));

export function fakeServices(objects = new MemoryObjects()): HandlerServices & { objects: MemoryObjects } {
  return {
    objects,
    compute: inlineCompute,
    clock: { now: () => new Date('2026-01-01T00:00:00Z') },
    random: { next: () => 0.5 },
    models: {} as ModelRegistryService,
    lake: { query: unused('lake') },
    catalog: { addPartitions: unused('catalog') },
    events: { put: unused('events') },
  };
}

/** The task's input validated as hosts validate it, then its handler with `services`. */
export async function runTask(task: TaskDefinition, input: unknown, services: HandlerServices): Promise<any> {
  return task.run(assertPayload(task.input, input, `Input of task ${task.name}`), services as never);
}
