/**
 * {@link ObjectService} over Amazon S3 (`@aws-sdk/client-s3` v3). S3's missing-object and
 * missing-bucket answers become {@link ObjectNotFound} and its refusals {@link AccessDenied}, the
 * errors the local object service raises too, so a handler's error handling behaves alike on both hosts.
 */
import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { AccessDenied, ObjectNotFound } from '../errors';
import { withLocalCopy } from '../local-file';
import type { ObjectRef, ObjectService } from '../objects';

export class S3ObjectService implements ObjectService {
  constructor(private readonly s3: S3Client) {}

  async getText(ref: ObjectRef): Promise<string> {
    return (await this.getBytes(ref)).toString('utf8');
  }

  async getBytes(ref: ObjectRef): Promise<Buffer> {
    const response = await this.send(ref, () => this.s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key })));
    if (!response.Body) return Buffer.alloc(0);
    return Buffer.from(await response.Body.transformToByteArray());
  }

  async getStream(ref: ObjectRef): Promise<Readable> {
    const response = await this.send(ref, () => this.s3.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key })));
    return response.Body instanceof Readable ? response.Body : Readable.from([]);
  }

  async withLocalFile<T>(ref: ObjectRef, work: (path: string) => Promise<T>): Promise<T> {
    return withLocalCopy(await this.getStream(ref), ref.key, work);
  }

  async putText(ref: ObjectRef, text: string, contentType = 'application/json'): Promise<void> {
    await this.send(ref, () => this.s3.send(new PutObjectCommand({ Bucket: ref.bucket, Key: ref.key, Body: text, ContentType: contentType })));
  }

  /** A stream of unknown length goes up in multipart parts, so no size limit or full copy in memory. */
  async put(ref: ObjectRef, body: Buffer | Readable, contentType = 'application/octet-stream'): Promise<void> {
    const upload = new Upload({ client: this.s3, params: { Bucket: ref.bucket, Key: ref.key, Body: body, ContentType: contentType } });
    await this.send(ref, () => upload.done());
  }

  async etag(ref: ObjectRef): Promise<string> {
    const head = await this.send(ref, () => this.s3.send(new HeadObjectCommand({ Bucket: ref.bucket, Key: ref.key })));
    return head.ETag ?? '';
  }

  async listKeys(bucket: string, prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.send({ bucket, key: prefix }, () =>
        this.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token })),
      );
      keys.push(...(page.Contents ?? []).flatMap((object) => (object.Key === undefined ? [] : [object.Key])));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys;
  }

  private async send<T>(ref: ObjectRef, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw asServiceError(err, ref);
    }
  }
}

/** HeadObject answers a missing key with a bare 404 (`NotFound`): it has no body to name the code. */
function asServiceError(err: unknown, ref: ObjectRef): unknown {
  const name = (err as { name?: string }).name;
  if (name === 'NotFound' || name === 'NoSuchKey' || name === 'NoSuchBucket') return new ObjectNotFound(ref);
  if (name === 'AccessDenied') return new AccessDenied(`S3 refused access to s3://${ref.bucket}/${ref.key}: ${(err as Error).message}`);
  return err;
}
