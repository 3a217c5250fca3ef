/**
 * The local host's item source and result sink for distributed Maps: a Map's ItemReader and
 * ResultWriter read and write the local object store, as they read and write S3 on AWS.
 */
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { ItemSourceError, type ItemSource, type ListedObject, type ResultObjectWriter, type ResultSink } from '../interpreter/integrations/services';
import { S3Error, type ObjectStore } from '../objects';

export class ObjectStoreItems implements ItemSource, ResultSink {
  constructor(private readonly objects: ObjectStore) {}

  /** Pages through the listing (1,000 keys a page, as S3 does): only one page is held at a time. */
  async *listObjects(bucket: string, prefix: string | undefined, signal: AbortSignal): AsyncGenerator<ListedObject> {
    let continuationToken: string | undefined;
    do {
      signal.throwIfAborted();
      const page = s3Call(() => this.objects.listObjects(bucket, { prefix, continuationToken }));
      for (const o of page.contents) {
        yield { key: o.key, size: o.size, etag: o.etag, lastModified: o.lastModified.getTime(), storageClass: 'STANDARD' };
      }
      continuationToken = page.isTruncated ? page.nextContinuationToken : undefined;
    } while (continuationToken);
  }

  /** The object's bytes as the store streams them; the local store keeps no versions, so VersionId is not consulted. */
  async *readObject(bucket: string, key: string, _versionId: string | undefined, signal: AbortSignal): AsyncGenerator<Uint8Array> {
    const object = await s3CallAsync(() => this.objects.openObject(bucket, key));
    const stream = object.stream();
    const onAbort = () => stream.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      for await (const chunk of stream) yield chunk as Uint8Array;
    } finally {
      signal.removeEventListener('abort', onAbort);
      stream.destroy();
    }
  }

  /** Streams the object into the store while it is written; it becomes visible when closed. */
  open(bucket: string, key: string): ResultObjectWriter {
    s3Call(() => this.objects.headBucket(bucket));
    const body = new PassThrough();
    let failure: unknown;
    const put = this.objects.putObject(bucket, key, body, { contentType: 'application/json' });
    put.catch((err: unknown) => {
      failure = err;
    });
    const failed = put.then(
      () => new Promise<never>(() => undefined),
      (err: unknown) => Promise.reject(toSourceError(err)),
    );
    // Only a write waiting for drain listens to this; a failure nobody waits on is reported at close.
    failed.catch(() => undefined);
    return {
      async write(text) {
        if (failure !== undefined) throw toSourceError(failure);
        // Waits for the store to take the bytes, so that a slow disk slows the Map, not fills memory.
        if (!body.write(text)) await Promise.race([once(body, 'drain'), failed]);
      },
      async close() {
        body.end();
        try {
          return (await put).size;
        } catch (err) {
          throw toSourceError(err);
        }
      },
      abort(reason) {
        body.destroy(reason instanceof Error ? reason : new Error(String(reason)));
      },
    };
  }
}

function toSourceError(err: unknown): unknown {
  return err instanceof S3Error ? new ItemSourceError(err.code, err.message, err.status) : err;
}

function s3Call<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    throw toSourceError(err);
  }
}

async function s3CallAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toSourceError(err);
  }
}
