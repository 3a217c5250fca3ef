import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { TaskFailure } from '../../../src/services';
import { S3ObjectService } from '../../../src/services/aws/s3-objects';

const s3 = mockClient(S3Client);
const objects = new S3ObjectService(new S3Client({ region: 'eu-west-1' }));
const ref = { bucket: 'data', key: 'datasets/kfold/iris.csv' };

/** What GetObject's Body offers; the service only reads it whole. */
const body = (text: string) => ({ transformToByteArray: async () => new Uint8Array(Buffer.from(text)) }) as never;

const serviceError = (name: string, status: number) => new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message: `${name} happened` });

beforeEach(() => s3.reset());

test('getText sends GetObject for the bucket and key, and decodes UTF-8', async () => {
  s3.on(GetObjectCommand).resolves({ Body: body('a,b\n1,é\n') });
  await expect(objects.getText(ref)).resolves.toBe('a,b\n1,é\n');
  expect(s3.commandCalls(GetObjectCommand).map((call) => call.args[0].input)).toEqual([{ Bucket: 'data', Key: 'datasets/kfold/iris.csv' }]);
});

test('putText sends PutObject with the body and content type (JSON unless told)', async () => {
  s3.on(PutObjectCommand).resolves({});
  await objects.putText(ref, '{"a":1}');
  await objects.putText(ref, 'x,y', 'text/csv');
  expect(s3.commandCalls(PutObjectCommand).map((call) => call.args[0].input)).toEqual([
    { Bucket: 'data', Key: ref.key, Body: '{"a":1}', ContentType: 'application/json' },
    { Bucket: 'data', Key: ref.key, Body: 'x,y', ContentType: 'text/csv' },
  ]);
});

test('etag sends HeadObject and returns the ETag', async () => {
  s3.on(HeadObjectCommand).resolves({ ETag: '"abc"' });
  await expect(objects.etag(ref)).resolves.toBe('"abc"');
  expect(s3.commandCalls(HeadObjectCommand)[0]!.args[0].input).toEqual({ Bucket: 'data', Key: ref.key });
});

test('listKeys follows continuation tokens until the listing is complete', async () => {
  s3.on(ListObjectsV2Command, { ContinuationToken: undefined }).resolves({ Contents: [{ Key: 'p/a' }, { Key: 'p/b' }], IsTruncated: true, NextContinuationToken: 't1' });
  s3.on(ListObjectsV2Command, { ContinuationToken: 't1' }).resolves({ Contents: [{ Key: 'p/c' }], IsTruncated: false });
  await expect(objects.listKeys('data', 'p/')).resolves.toEqual(['p/a', 'p/b', 'p/c']);
  expect(s3.commandCalls(ListObjectsV2Command).map((call) => call.args[0].input)).toEqual([
    { Bucket: 'data', Prefix: 'p/', ContinuationToken: undefined },
    { Bucket: 'data', Prefix: 'p/', ContinuationToken: 't1' },
  ]);
});

test('an empty listing has no keys', async () => {
  s3.on(ListObjectsV2Command).resolves({ KeyCount: 0, IsTruncated: false });
  await expect(objects.listKeys('data', 'none/')).resolves.toEqual([]);
});

describe('S3 errors become the services\' errors, as the local object service raises them', () => {
  test.each([
    ['GetObject NoSuchKey', () => s3.on(GetObjectCommand).rejects(new NoSuchKey({ message: 'gone', $metadata: {} })), () => objects.getText(ref), 'ObjectNotFound'],
    ['GetObject NoSuchBucket', () => s3.on(GetObjectCommand).rejects(serviceError('NoSuchBucket', 404)), () => objects.getBytes(ref), 'ObjectNotFound'],
    ['HeadObject 404 (NotFound, no body)', () => s3.on(HeadObjectCommand).rejects(serviceError('NotFound', 404)), () => objects.etag(ref), 'ObjectNotFound'],
    ['PutObject AccessDenied', () => s3.on(PutObjectCommand).rejects(serviceError('AccessDenied', 403)), () => objects.putText(ref, 'x'), 'AccessDenied'],
  ])('%s', async (_what, arrange, act, name) => {
    arrange();
    const error = await act().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(TaskFailure);
    expect(error).toMatchObject({ name, message: expect.stringContaining(`s3://data/${ref.key}`) });
  });

  test('other errors pass through unchanged', async () => {
    const throttled = serviceError('SlowDown', 503);
    s3.on(GetObjectCommand).rejects(throttled);
    await expect(objects.getText(ref)).rejects.toBe(throttled);
  });
});
