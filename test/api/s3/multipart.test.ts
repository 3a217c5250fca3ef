import { createHash, randomBytes } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListPartsCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { type Harness, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.client.send(new CreateBucketCommand({ Bucket: 'multipart' }));
});
afterAll(() => h.close());

const md5 = (content: Buffer) => createHash('md5').update(content).digest();
const PART_SIZE = 8 * 1024 * 1024;

// @aws-sdk/lib-storage is not installed, so the upload is driven part by part through the client.
test('a 20 MB multipart upload round-trips with the multipart ETag', async () => {
  const data = randomBytes(20 * 1024 * 1024);
  const created = await h.client.send(
    new CreateMultipartUploadCommand({ Bucket: 'multipart', Key: 'big/data.bin', ContentType: 'application/x-big', Metadata: { run: '7' } }),
  );
  const parts = [];
  for (let offset = 0, number = 1; offset < data.length; offset += PART_SIZE, number += 1) {
    const body = data.subarray(offset, offset + PART_SIZE);
    const part = await h.client.send(
      new UploadPartCommand({ Bucket: 'multipart', Key: 'big/data.bin', UploadId: created.UploadId, PartNumber: number, Body: body }),
    );
    expect(part.ETag).toBe(`"${md5(body).toString('hex')}"`);
    parts.push({ PartNumber: number, ETag: part.ETag });
  }
  const listed = await h.client.send(new ListPartsCommand({ Bucket: 'multipart', Key: 'big/data.bin', UploadId: created.UploadId }));
  expect(listed.Parts?.map((part) => part.Size)).toEqual([PART_SIZE, PART_SIZE, 4 * 1024 * 1024]);
  const completed = await h.client.send(
    new CompleteMultipartUploadCommand({ Bucket: 'multipart', Key: 'big/data.bin', UploadId: created.UploadId, MultipartUpload: { Parts: parts } }),
  );
  const partMd5s = Buffer.concat([0, 1, 2].map((i) => md5(data.subarray(i * PART_SIZE, (i + 1) * PART_SIZE))));
  expect(completed.ETag).toBe(`"${md5(partMd5s).toString('hex')}-3"`);
  const got = await h.client.send(new GetObjectCommand({ Bucket: 'multipart', Key: 'big/data.bin' }));
  expect(got).toMatchObject({ ContentType: 'application/x-big', ContentLength: data.length, Metadata: { run: '7' } });
  expect(Buffer.from(await got.Body!.transformToByteArray()).equals(data)).toBe(true);
});

async function failureName(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'no error',
    (error: Error) => error.name,
  );
}

test('complete with a wrong ETag is InvalidPart; after abort, NoSuchUpload', async () => {
  const created = await h.client.send(new CreateMultipartUploadCommand({ Bucket: 'multipart', Key: 'aborted' }));
  const target = { Bucket: 'multipart', Key: 'aborted', UploadId: created.UploadId };
  await h.client.send(new UploadPartCommand({ ...target, PartNumber: 1, Body: 'small' }));
  const complete = (etag: string) =>
    h.client.send(new CompleteMultipartUploadCommand({ ...target, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: etag }] } }));
  expect(await failureName(complete('"0123456789abcdef0123456789abcdef"'))).toBe('InvalidPart');
  await h.client.send(new AbortMultipartUploadCommand(target));
  expect(await failureName(h.client.send(new ListPartsCommand(target)))).toBe('NoSuchUpload');
  expect(await failureName(h.client.send(new UploadPartCommand({ ...target, PartNumber: 2, Body: 'x' })))).toBe('NoSuchUpload');
});

test('a small non-last part is EntityTooSmall', async () => {
  const created = await h.client.send(new CreateMultipartUploadCommand({ Bucket: 'multipart', Key: 'small' }));
  const target = { Bucket: 'multipart', Key: 'small', UploadId: created.UploadId };
  const one = await h.client.send(new UploadPartCommand({ ...target, PartNumber: 1, Body: 'a' }));
  const two = await h.client.send(new UploadPartCommand({ ...target, PartNumber: 2, Body: 'b' }));
  const parts = [
    { PartNumber: 1, ETag: one.ETag },
    { PartNumber: 2, ETag: two.ETag },
  ];
  expect(await failureName(h.client.send(new CompleteMultipartUploadCommand({ ...target, MultipartUpload: { Parts: parts } })))).toBe(
    'EntityTooSmall',
  );
});
