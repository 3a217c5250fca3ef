import { createHash } from 'node:crypto';
import { MIN_PART_SIZE, multipartEtag, type ObjectStore } from '../../src/objects';
import { body, openStore, readObject } from './helpers';

const md5 = (content: Buffer) => createHash('md5').update(content).digest();

test('the multipart ETag is the MD5 of the binary part MD5s, with the part count', () => {
  const parts = [Buffer.from('first'), Buffer.from('second')];
  const expected = createHash('md5').update(Buffer.concat(parts.map(md5))).digest('hex');
  expect(multipartEtag(parts.map((part) => `"${md5(part).toString('hex')}"`))).toBe(`"${expected}-2"`);
});

describe('multipart uploads', () => {
  let store: ObjectStore;
  beforeEach(async () => {
    store = await openStore();
    store.createBucket('mp-bucket');
  });
  afterEach(() => store.close());

  async function uploadParts(contents: Buffer[]) {
    const upload = store.createMultipartUpload('mp-bucket', 'big.bin', { contentType: 'application/x-test' });
    const target = { bucket: 'mp-bucket', key: 'big.bin', uploadId: upload.uploadId };
    const parts = [];
    for (const [index, content] of contents.entries()) {
      const part = await store.uploadPart(target, index + 1, body(content));
      parts.push({ partNumber: part.partNumber, etag: part.etag });
    }
    return { target, parts };
  }

  test('complete concatenates the parts and gives the multipart ETag', async () => {
    const contents = [Buffer.alloc(MIN_PART_SIZE, 1), Buffer.from('tail')];
    const { target, parts } = await uploadParts(contents);
    const meta = await store.completeMultipartUpload(target, parts);
    expect(meta.size).toBe(MIN_PART_SIZE + 4);
    expect(meta.etag).toBe(multipartEtag(parts.map((part) => part.etag)));
    expect(meta.contentType).toBe('application/x-test');
    expect((await readObject(store, 'mp-bucket', 'big.bin')).equals(Buffer.concat(contents))).toBe(true);
    expect(() => store.listParts(target)).toThrow(expect.objectContaining({ code: 'NoSuchUpload' }));
  });

  test('a re-uploaded part replaces the earlier one', async () => {
    const { target } = await uploadParts([Buffer.from('one')]);
    const again = await store.uploadPart(target, 1, body('uno'));
    expect(store.listParts(target).parts).toEqual([expect.objectContaining({ partNumber: 1, etag: again.etag, size: 3 })]);
  });

  test.each([
    ['parts out of order', (p: { partNumber: number; etag: string }[]) => [p[1], p[0]], 'InvalidPartOrder'],
    ['an unknown part', (p: { partNumber: number; etag: string }[]) => [p[0], { partNumber: 7, etag: p[1].etag }], 'InvalidPart'],
    ['a wrong ETag', (p: { partNumber: number; etag: string }[]) => [p[0], { ...p[1], etag: '"00"' }], 'InvalidPart'],
    ['a small non-last part', (p: { partNumber: number; etag: string }[]) => p, 'EntityTooSmall'],
    ['no parts', () => [], 'MalformedXML'],
  ])('complete with %s fails with %s', async (_name, choose, code) => {
    const { target, parts } = await uploadParts([Buffer.from('small'), Buffer.from('tail')]);
    await expect(store.completeMultipartUpload(target, choose(parts))).rejects.toMatchObject({ code });
  });

  test('abort discards the upload', async () => {
    const { target, parts } = await uploadParts([Buffer.from('x')]);
    await store.abortMultipartUpload(target);
    await expect(store.completeMultipartUpload(target, parts)).rejects.toMatchObject({ code: 'NoSuchUpload', status: 404 });
  });

  test('part numbers outside 1..10000 are rejected', async () => {
    const { target } = await uploadParts([]);
    await expect(store.uploadPart(target, 10001, body('x'))).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});
