import { CreateBucketCommand, ListObjectsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { type Harness, rawRequest, startHarness } from './harness';

let h: Harness;
const KEYS = ['a/1', 'a/2', 'a/b/3', 'b/1', 'c', 'd e+f', 'z/1'];

beforeAll(async () => {
  h = await startHarness();
  await h.client.send(new CreateBucketCommand({ Bucket: 'listing' }));
  for (const key of KEYS) await h.client.send(new PutObjectCommand({ Bucket: 'listing', Key: key, Body: key }));
});
afterAll(() => h.close());

test('prefix and delimiter give contents and common prefixes', async () => {
  const root = await h.client.send(new ListObjectsV2Command({ Bucket: 'listing', Delimiter: '/' }));
  expect(root.Contents?.map((object) => object.Key)).toEqual(['c', 'd e+f']);
  expect(root.CommonPrefixes?.map((prefix) => prefix.Prefix)).toEqual(['a/', 'b/', 'z/']);
  expect(root).toMatchObject({ KeyCount: 5, IsTruncated: false, MaxKeys: 1000, Delimiter: '/' });
  const inA = await h.client.send(new ListObjectsV2Command({ Bucket: 'listing', Prefix: 'a/', Delimiter: '/' }));
  expect(inA.Contents?.map((object) => object.Key)).toEqual(['a/1', 'a/2']);
  expect(inA.CommonPrefixes?.map((prefix) => prefix.Prefix)).toEqual(['a/b/']);
  expect(inA.Contents?.[0]).toMatchObject({ Size: 3, StorageClass: 'STANDARD', ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/) });
});

test('pagination with MaxKeys and continuation tokens', async () => {
  const keys: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page = await h.client.send(new ListObjectsV2Command({ Bucket: 'listing', MaxKeys: 2, ContinuationToken: token }));
    keys.push(...(page.Contents ?? []).map((object) => object.Key!));
    token = page.NextContinuationToken;
    pages += 1;
  } while (token);
  expect(keys).toEqual(KEYS);
  expect(pages).toBe(4);
});

test('StartAfter skips keys up to and including it', async () => {
  const page = await h.client.send(new ListObjectsV2Command({ Bucket: 'listing', StartAfter: 'b/1' }));
  expect(page.Contents?.map((object) => object.Key)).toEqual(['c', 'd e+f', 'z/1']);
  expect(page.StartAfter).toBe('b/1');
});

test('encoding-type=url encodes keys (spaces as +)', async () => {
  const response = await rawRequest(h.endpoint, { method: 'GET', path: '/listing?list-type=2&prefix=d&encoding-type=url' });
  expect(response.status).toBe(200);
  expect(response.body).toContain('<Key>d+e%2Bf</Key>');
  expect(response.body).toContain('<EncodingType>url</EncodingType>');
});

test('the original ListObjects with a marker', async () => {
  const page = await h.client.send(new ListObjectsCommand({ Bucket: 'listing', Marker: 'a/b/3', MaxKeys: 2 }));
  expect(page.Contents?.map((object) => object.Key)).toEqual(['b/1', 'c']);
  expect(page.IsTruncated).toBe(true);
});

test.each([
  ['a negative max-keys', '/listing?list-type=2&max-keys=-1', 'InvalidArgument'],
  ['an unknown encoding type', '/listing?list-type=2&encoding-type=base64', 'InvalidArgument'],
  ['a forged continuation token', '/listing?list-type=2&continuation-token=%25%25', 'InvalidArgument'],
  ['a missing bucket', '/no-such-bucket?list-type=2', 'NoSuchBucket'],
])('%s fails with %s', async (_name, path, code) => {
  const response = await rawRequest(h.endpoint, { method: 'GET', path });
  expect(response.body).toContain(`<Code>${code}</Code>`);
});
