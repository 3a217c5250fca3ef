/**
 * {@link ObjectService} over Amazon S3 (`@aws-sdk/client-s3` v3). S3's missing-object and
 * missing-bucket answers become the same {@link S3Error} codes the local object store raises, so a
 * handler's error handling behaves alike on both hosts.
 */
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { S3Error, type S3ErrorCode } from '../../objects/errors';
import type { ObjectRef, ObjectService } from '../services';

/** Codes handlers match on; anything else propagates as the SDK raised it. */
const MAPPED_CODES: readonly S3ErrorCode[] = ['NoSuchKey', 'NoSuchBucket', 'AccessDenied'];

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

  async putText(ref: ObjectRef, text: string, contentType = 'application/json'): Promise<void> {
    await this.send(ref, () => this.s3.send(new PutObjectCommand({ Bucket: ref.bucket, Key: ref.key, Body: text, ContentType: contentType })));
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
      throw asS3Error(err, ref);
    }
  }
}

/** HeadObject answers a missing key with a bare 404 (`NotFound`): it has no body to name the code. */
function asS3Error(err: unknown, ref: ObjectRef): unknown {
  const name = (err as { name?: string }).name;
  const code: string | undefined = name === 'NotFound' ? 'NoSuchKey' : name;
  if (code === undefined || !(MAPPED_CODES as readonly string[]).includes(code)) return err;
  return new S3Error(code as S3ErrorCode, (err as Error).message, `/${ref.bucket}/${ref.key}`);
}
