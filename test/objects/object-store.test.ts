import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ObjectStore } from '../../src/objects';
import { body, openStore, readAll, readObject, tempDir } from './helpers';

const md5 = (content: string | Buffer) => createHash('md5').update(content).digest('hex');

describe('buckets', () => {
  let store: ObjectStore;
  beforeEach(async () => (store = await openStore()));
  afterEach(() => store.close());

  test('create, list, head and delete', async () => {
    store.createBucket('b-two');
    store.createBucket('a-one');
    expect(store.listBuckets().map((bucket) => bucket.name)).toEqual(['a-one', 'b-two']);
    expect(store.headBucket('a-one').name).toBe('a-one');
    await store.deleteBucket('a-one');
    expect(() => store.headBucket('a-one')).toThrow(expect.objectContaining({ code: 'NoSuchBucket', status: 404 }));
  });

  test.each([
    ['creating twice', (s: ObjectStore) => (s.createBucket('twice'), s.createBucket('twice')), 'BucketAlreadyOwnedByYou'],
    ['an upper-case name', (s: ObjectStore) => s.createBucket('Upper'), 'InvalidBucketName'],
    ['a short name', (s: ObjectStore) => s.createBucket('ab'), 'InvalidBucketName'],
    ['an IP-like name', (s: ObjectStore) => s.createBucket('192.168.1.1'), 'InvalidBucketName'],
  ])('%s fails with %s', (_name, action, code) => {
    expect(() => action(store)).toThrow(expect.objectContaining({ code }));
  });

  test('a bucket with objects cannot be deleted', async () => {
    store.createBucket('full');
    await store.putObject('full', 'k', body('x'));
    await expect(store.deleteBucket('full')).rejects.toMatchObject({ code: 'BucketNotEmpty', status: 409 });
  });
});

describe('objects', () => {
  let store: ObjectStore;
  beforeEach(async () => {
    store = await openStore();
    store.createBucket('data');
  });
  afterEach(() => store.close());

  test('put then get returns the bytes and the metadata', async () => {
    const meta = await store.putObject('data', 'dir/file.csv', body('a,b\n1,2\n'), {
      contentType: 'text/csv',
      userMetadata: { owner: 'me' },
    });
    expect(meta).toMatchObject({ size: 8, etag: `"${md5('a,b\n1,2\n')}"`, contentType: 'text/csv' });
    expect((await readObject(store, 'data', 'dir/file.csv')).toString()).toBe('a,b\n1,2\n');
    expect(store.headObject('data', 'dir/file.csv').userMetadata).toEqual({ owner: 'me' });
  });

  test('keys with any characters round-trip', async () => {
    const keys = ['../../etc/passwd', 'a\\b', 'emoji 🎉/ü', 'x'.repeat(1024), 'trailing/', 'con', 'a\u0000b'];
    for (const key of keys) await store.putObject('data', key, body(key));
    for (const key of keys) expect((await readObject(store, 'data', key)).toString()).toBe(key);
    expect(store.listObjects('data').contents).toHaveLength(keys.length);
  });

  test('ranged reads return the inclusive byte range', async () => {
    await store.putObject('data', 'digits', body('0123456789'));
    const opened = await store.openObject('data', 'digits');
    expect((await readAll(opened.stream({ start: 2, end: 5 }))).toString()).toBe('2345');
  });

  test('missing keys and buckets fail with S3 codes', async () => {
    expect(() => store.headObject('data', 'nope')).toThrow(expect.objectContaining({ code: 'NoSuchKey' }));
    await expect(store.putObject('nobucket', 'k', body('x'))).rejects.toMatchObject({ code: 'NoSuchBucket' });
  });

  test('a wrong Content-MD5 is a BadDigest and stores nothing', async () => {
    const wrong = createHash('md5').update('other').digest();
    await expect(store.putObject('data', 'k', body('x'), {}, { contentMd5: wrong })).rejects.toMatchObject({
      code: 'BadDigest',
    });
    expect(() => store.headObject('data', 'k')).toThrow(expect.objectContaining({ code: 'NoSuchKey' }));
  });

  test('copy keeps the ETag and, unless replaced, the metadata', async () => {
    const source = await store.putObject('data', 'src', body('copy me'), { contentType: 'text/plain', userMetadata: { a: '1' } });
    const copied = await store.copyObject({ bucket: 'data', key: 'src' }, { bucket: 'data', key: 'dst' }, undefined);
    expect(copied).toMatchObject({ etag: source.etag, contentType: 'text/plain', userMetadata: { a: '1' } });
    const replaced = await store.copyObject({ bucket: 'data', key: 'src' }, { bucket: 'data', key: 'dst2' }, { contentType: 'x/y' });
    expect(replaced).toMatchObject({ contentType: 'x/y', userMetadata: {} });
    await expect(store.copyObject({ bucket: 'data', key: 'src' }, { bucket: 'data', key: 'src' }, undefined)).rejects.toMatchObject({
      code: 'InvalidRequest',
    });
  });

  test('delete removes the object; deleting a missing key succeeds', async () => {
    await store.putObject('data', 'k', body('x'));
    await store.deleteObject('data', 'k');
    await store.deleteObject('data', 'k');
    expect(store.listObjects('data').contents).toEqual([]);
  });
});

describe('atomicity and durability', () => {
  test('a concurrent reader sees the old or the new object, never a mix', async () => {
    const store = await openStore();
    store.createBucket('atomic');
    const size = 256 * 1024;
    await store.putObject('atomic', 'k', body(Buffer.alloc(size, 'a')));
    async function* slowNewVersion() {
      for (let i = 0; i < 16; i += 1) {
        await sleep(2);
        yield Buffer.alloc(size / 16, 'b');
      }
    }
    const writing = store.putObject('atomic', 'k', Readable.from(slowNewVersion()));
    let done = false;
    void writing.then(() => (done = true));
    const seen = new Set<string>();
    while (!done) {
      const opened = await store.openObject('atomic', 'k');
      const bytes = await readAll(opened.stream());
      expect(bytes.length).toBe(opened.meta.size);
      expect(md5(bytes)).toBe(opened.meta.etag.replace(/"/g, ''));
      seen.add(String.fromCharCode(bytes[0]));
      expect(new Set(bytes).size).toBe(1);
    }
    await writing;
    expect((await readObject(store, 'atomic', 'k'))[0]).toBe('b'.charCodeAt(0));
    expect(seen.has('a')).toBe(true);
    store.close();
  });

  test('a reader that opened the old version keeps reading it after an overwrite', async () => {
    const store = await openStore();
    store.createBucket('atomic');
    await store.putObject('atomic', 'k', body('old'));
    const opened = await store.openObject('atomic', 'k');
    await store.putObject('atomic', 'k', body('new!'));
    expect((await readAll(opened.stream())).toString()).toBe('old');
    store.close();
  });

  test('a failing body leaves the previous version in place', async () => {
    const store = await openStore();
    store.createBucket('atomic');
    await store.putObject('atomic', 'k', body('old'));
    async function* broken() {
      yield Buffer.from('partial');
      throw new Error('connection reset');
    }
    await expect(store.putObject('atomic', 'k', Readable.from(broken()))).rejects.toThrow('connection reset');
    expect((await readObject(store, 'atomic', 'k')).toString()).toBe('old');
    store.close();
  });

  test('objects survive a reopen; debris of an interrupted write is removed', async () => {
    const dataDir = await tempDir();
    const first = await openStore({ dataDir });
    first.createBucket('durable');
    await first.putObject('durable', 'k', body('kept'));
    first.setEventBridgeNotifications('durable', true);
    first.close();
    // A crash after the blob's rename but before the index commit leaves an unreferenced blob.
    const orphan = path.join(dataDir, 'objects', 'blobs', 'ff', 'ff00orphan');
    await fs.mkdir(path.dirname(orphan), { recursive: true });
    await fs.writeFile(orphan, 'orphan');
    await fs.writeFile(path.join(dataDir, 'objects', 'tmp', 'half-written'), 'half');
    const second = await openStore({ dataDir });
    expect((await readObject(second, 'durable', 'k')).toString()).toBe('kept');
    expect(second.getEventBridgeNotifications('durable')).toBe(true);
    await expect(fs.stat(orphan)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readdir(path.join(dataDir, 'objects', 'tmp'))).toEqual([]);
    second.close();
  });
});
