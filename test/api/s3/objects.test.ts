import { createHash } from 'node:crypto';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { type Harness, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.client.send(new CreateBucketCommand({ Bucket: 'objects' }));
});
afterAll(() => h.close());

const md5 = (content: string) => createHash('md5').update(content).digest('hex');

async function failure(promise: Promise<unknown>): Promise<{ name: string; status?: number; requestId?: string }> {
  try {
    await promise;
  } catch (error) {
    const e = error as S3ServiceException;
    return { name: e.name, status: e.$metadata?.httpStatusCode, requestId: e.$metadata?.requestId };
  }
  throw new Error('expected the call to fail');
}

describe('buckets', () => {
  test('create, head, list, delete', async () => {
    await h.client.send(new CreateBucketCommand({ Bucket: 'short-lived' }));
    await h.client.send(new HeadBucketCommand({ Bucket: 'short-lived' }));
    const listed = await h.client.send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((bucket) => bucket.Name)).toEqual(expect.arrayContaining(['objects', 'short-lived']));
    expect(listed.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    await h.client.send(new DeleteBucketCommand({ Bucket: 'short-lived' }));
    expect(await failure(h.client.send(new HeadBucketCommand({ Bucket: 'short-lived' })))).toMatchObject({
      name: 'NotFound',
      status: 404,
    });
  });

  test.each([
    ['re-creating a bucket', 'BucketAlreadyOwnedByYou', 409, () => new CreateBucketCommand({ Bucket: 'objects' })],
    ['an invalid bucket name', 'InvalidBucketName', 400, () => new CreateBucketCommand({ Bucket: 'Not_Valid' })],
    ['deleting a bucket with objects', 'BucketNotEmpty', 409, () => new DeleteBucketCommand({ Bucket: 'objects' })],
    ['deleting a missing bucket', 'NoSuchBucket', 404, () => new DeleteBucketCommand({ Bucket: 'missing-bucket' })],
    ['reading a missing key', 'NoSuchKey', 404, () => new GetObjectCommand({ Bucket: 'objects', Key: 'missing' })],
    ['writing to a missing bucket', 'NoSuchBucket', 404, () => new PutObjectCommand({ Bucket: 'missing-bucket', Key: 'k', Body: 'x' })],
    ['a range past the end', 'InvalidRange', 416, () => new GetObjectCommand({ Bucket: 'objects', Key: 'keep', Range: 'bytes=100-' })],
    ['copying onto itself unchanged', 'InvalidRequest', 400, () => new CopyObjectCommand({ Bucket: 'objects', Key: 'keep', CopySource: 'objects/keep' })],
  ])('%s fails with %s', async (_name, code, status, command) => {
    await h.client.send(new PutObjectCommand({ Bucket: 'objects', Key: 'keep', Body: 'kept' }));
    const error = await failure(h.client.send(command() as never));
    expect(error).toMatchObject({ name: code, status });
    expect(error.requestId).toMatch(/^[A-Z0-9]{16}$/);
  });
});

describe('objects', () => {
  test('put and get with content type and user metadata', async () => {
    const put = await h.client.send(
      new PutObjectCommand({
        Bucket: 'objects',
        Key: 'docs/hello world+€.txt',
        Body: 'hello, world',
        ContentType: 'text/plain',
        Metadata: { owner: 'team-ml', purpose: 'test' },
        CacheControl: 'max-age=60',
      }),
    );
    expect(put.ETag).toBe(`"${md5('hello, world')}"`);
    const got = await h.client.send(new GetObjectCommand({ Bucket: 'objects', Key: 'docs/hello world+€.txt' }));
    expect(await got.Body!.transformToString()).toBe('hello, world');
    expect(got).toMatchObject({
      ContentType: 'text/plain',
      ContentLength: 12,
      ETag: put.ETag,
      Metadata: { owner: 'team-ml', purpose: 'test' },
      CacheControl: 'max-age=60',
      AcceptRanges: 'bytes',
    });
    expect(got.LastModified).toBeInstanceOf(Date);
  });

  test('an object without a content type is binary/octet-stream', async () => {
    await h.client.send(new PutObjectCommand({ Bucket: 'objects', Key: 'raw', Body: new Uint8Array([0, 1, 2]) }));
    const head = await h.client.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'raw' }));
    expect(head).toMatchObject({ ContentLength: 3 });
    expect(['binary/octet-stream', 'application/octet-stream']).toContain(head.ContentType);
  });

  test.each([
    ['bytes=0-4', '01234', 'bytes 0-4/10'],
    ['bytes=7-', '789', 'bytes 7-9/10'],
    ['bytes=-3', '789', 'bytes 7-9/10'],
    ['bytes=8-100', '89', 'bytes 8-9/10'],
  ])('range %s', async (range, expected, contentRange) => {
    await h.client.send(new PutObjectCommand({ Bucket: 'objects', Key: 'digits', Body: '0123456789' }));
    const got = await h.client.send(new GetObjectCommand({ Bucket: 'objects', Key: 'digits', Range: range }));
    expect(await got.Body!.transformToString()).toBe(expected);
    expect(got.ContentRange).toBe(contentRange);
    expect(got.ContentLength).toBe(expected.length);
  });

  test('a HEAD of a missing key is a 404 NotFound', async () => {
    expect(await failure(h.client.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'nope' })))).toMatchObject({
      name: 'NotFound',
      status: 404,
    });
  });

  test('conditional gets: If-None-Match gives 304, If-Match mismatch gives 412', async () => {
    const put = await h.client.send(new PutObjectCommand({ Bucket: 'objects', Key: 'cond', Body: 'c' }));
    expect(await failure(h.client.send(new GetObjectCommand({ Bucket: 'objects', Key: 'cond', IfNoneMatch: put.ETag })))).toMatchObject({
      status: 304,
    });
    expect(await failure(h.client.send(new GetObjectCommand({ Bucket: 'objects', Key: 'cond', IfMatch: '"other"' })))).toMatchObject({
      name: 'PreconditionFailed',
      status: 412,
    });
  });

  test('copy, with and without replacing metadata', async () => {
    await h.client.send(
      new PutObjectCommand({ Bucket: 'objects', Key: 'src key', Body: 'copied', ContentType: 'text/csv', Metadata: { a: '1' } }),
    );
    const copy = await h.client.send(
      new CopyObjectCommand({ Bucket: 'objects', Key: 'dst/one', CopySource: `objects/${encodeURIComponent('src key')}` }),
    );
    expect(copy.CopyObjectResult?.ETag).toBe(`"${md5('copied')}"`);
    const one = await h.client.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'dst/one' }));
    expect(one).toMatchObject({ ContentType: 'text/csv', Metadata: { a: '1' } });
    await h.client.send(
      new CopyObjectCommand({
        Bucket: 'objects',
        Key: 'dst/two',
        CopySource: '/objects/src%20key',
        MetadataDirective: 'REPLACE',
        ContentType: 'text/plain',
        Metadata: { b: '2' },
      }),
    );
    const two = await h.client.send(new HeadObjectCommand({ Bucket: 'objects', Key: 'dst/two' }));
    expect(two).toMatchObject({ ContentType: 'text/plain', Metadata: { b: '2' } });
  });

  test('delete one, then delete many (verbose and quiet)', async () => {
    for (const key of ['d/1', 'd/2', 'd/3', 'd/4']) {
      await h.client.send(new PutObjectCommand({ Bucket: 'objects', Key: key, Body: key }));
    }
    await h.client.send(new DeleteObjectCommand({ Bucket: 'objects', Key: 'd/1' }));
    const verbose = await h.client.send(
      new DeleteObjectsCommand({ Bucket: 'objects', Delete: { Objects: [{ Key: 'd/2' }, { Key: 'd/never' }] } }),
    );
    expect(verbose.Deleted?.map((entry) => entry.Key)).toEqual(['d/2', 'd/never']);
    const quiet = await h.client.send(
      new DeleteObjectsCommand({ Bucket: 'objects', Delete: { Objects: [{ Key: 'd/3' }, { Key: 'd/4' }], Quiet: true } }),
    );
    expect(quiet.Deleted).toBeUndefined();
    for (const key of ['d/1', 'd/2', 'd/3', 'd/4']) {
      expect(await failure(h.client.send(new HeadObjectCommand({ Bucket: 'objects', Key: key })))).toMatchObject({ status: 404 });
    }
  });
});
