/** `statecraft upload` against a real server: the Step Functions engine in memory, S3 on a temporary directory. */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type RunningServer } from '../../src/api';
import { createS3Handler } from '../../src/api/s3';
import { UsageError } from '../../src/cli/args';
import { MULTIPART_THRESHOLD, parseS3Url, uploadCommand, UploadError, uploadFile, type UploadProgress } from '../../src/cli/upload';
import { Engine } from '../../src/control';
import { ObjectStore } from '../../src/objects';

const location = { region: 'us-east-1', account: '000000000000' };
let dir: string;
let objects: ObjectStore;
let engine: Engine;
let server: RunningServer;
let s3: S3Client;
let stdout: string[];
let stderr: string[];

/** What the command wrote to stderr, less Node's warnings (the SDK warns about the Node version once per process). */
const progressLines = () => stderr.filter((line) => !line.includes('Warning:'));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-upload-'));
  objects = await ObjectStore.open({ dataDir: join(dir, 'data'), ...location });
  objects.createBucket('inbox');
  engine = new Engine({ lambda: { invoke: async () => ({ payload: 'null', executedVersion: '$LATEST' }) } });
  server = await createServer(engine, { port: 0, s3Handler: createS3Handler(objects, location) });
  s3 = new S3Client({ endpoint: server.url, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 't', secretAccessKey: 't' } });
});

afterAll(async () => {
  s3.destroy();
  await server.close();
  engine.close();
  objects.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  stdout = [];
  stderr = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0);
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0);
});

afterEach(() => jest.restoreAllMocks());

function localFile(name: string, bytes: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

async function stored(key: string): Promise<{ body: Buffer; etag: string | undefined }> {
  const object = await s3.send(new GetObjectCommand({ Bucket: 'inbox', Key: key }));
  return { body: Buffer.from(await object.Body!.transformToByteArray()), etag: object.ETag };
}

describe('parseS3Url', () => {
  it.each([
    ['s3://inbox/a/b.csv', { bucket: 'inbox', key: 'a/b.csv' }],
    ['s3://inbox/folder/', { bucket: 'inbox', key: 'folder/data.csv' }],
    ['s3://inbox', { bucket: 'inbox', key: 'data.csv' }],
  ])('%s', (url, expected) => {
    expect(parseS3Url(url, 'data.csv')).toEqual(expected);
  });

  it.each(['http://inbox/key', 's3://', 's3:///key', 'inbox/key'])('rejects %s', (url) => {
    expect(() => parseS3Url(url, 'data.csv')).toThrow(new UsageError(`'${url}' is not an S3 URL: expected s3://bucket/key`));
  });
});

describe('upload', () => {
  it('puts a small file in one request and says where it went', async () => {
    const bytes = randomBytes(1000);
    const code = await uploadCommand([localFile('small.bin', bytes), 's3://inbox/in/small.bin', '--endpoint', server.url]);
    expect(code).toBe(0);
    expect((await stored('in/small.bin')).body.equals(bytes)).toBe(true);
    expect(stdout.join('')).toBe(`upload: ${join(dir, 'small.bin')} to s3://inbox/in/small.bin (1000 bytes)\n`);
    expect(progressLines()).toEqual([]);
  });

  it('sends a file over 8 MiB as a multipart upload, with progress on stderr', async () => {
    const bytes = randomBytes(2 * MULTIPART_THRESHOLD + 12345);
    const code = await uploadCommand([localFile('big.bin', bytes), 's3://inbox/big/', '--endpoint', server.url]);
    expect(code).toBe(0);
    const object = await stored('big/big.bin');
    expect(object.body.equals(bytes)).toBe(true);
    expect(object.etag).toMatch(/-3"$/);
    expect(progressLines()).toHaveLength(3);
    expect(progressLines()[2]).toBe('  part 3/3: 16.0 of 16.0 MiB (100%)\n');
    expect(stdout.join('')).toContain('to s3://inbox/big/big.bin (16789561 bytes, 3 parts)');
  });

  it('keeps exactly 8 MiB in one request', async () => {
    const progress: UploadProgress[] = [];
    const file = localFile('edge.bin', randomBytes(MULTIPART_THRESHOLD));
    const result = await uploadFile({ client: s3, file, target: { bucket: 'inbox', key: 'edge.bin' }, onProgress: (p) => progress.push(p) });
    expect(result.parts).toBe(1);
    expect(progress).toEqual([]);
  });

  it('aborts the multipart upload when a part fails', async () => {
    const client = new S3Client({ endpoint: server.url, region: 'us-east-1', forcePathStyle: true, maxAttempts: 1, credentials: { accessKeyId: 't', secretAccessKey: 't' } });
    const uploadIds: string[] = [];
    client.middlewareStack.add((next) => async (args) => {
      const input = args.input as { UploadId?: string; PartNumber?: number };
      if (input.PartNumber === 2) {
        uploadIds.push(input.UploadId!);
        throw new Error('connection lost');
      }
      return next(args);
    }, { step: 'initialize' });
    const file = localFile('fails.bin', randomBytes(MULTIPART_THRESHOLD + 1));
    await expect(uploadFile({ client, file, target: { bucket: 'inbox', key: 'fails.bin' } })).rejects.toThrow('connection lost');
    client.destroy();
    expect(uploadIds).toHaveLength(1);
    expect(() => objects.listParts({ bucket: 'inbox', key: 'fails.bin', uploadId: uploadIds[0] })).toThrow(expect.objectContaining({ code: 'NoSuchUpload' }));
    await expect(s3.send(new GetObjectCommand({ Bucket: 'inbox', Key: 'fails.bin' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
  });
});

describe('upload errors', () => {
  it.each([
    ['small', 10],
    ['multipart', MULTIPART_THRESHOLD + 1],
  ])('names a missing bucket and says it must exist (%s)', async (_label, size) => {
    const file = localFile(`nobucket-${size}.bin`, Buffer.alloc(size));
    const failure = uploadCommand([file, 's3://no-such-bucket/key', '--endpoint', server.url]);
    await expect(failure).rejects.toThrow(UploadError);
    await expect(failure).rejects.toMatchObject({
      code: 'NoSuchBucket',
      message: expect.stringMatching(/^bucket 'no-such-bucket' does not exist at http:.*: the bucket must exist before uploading/),
    });
  });

  it('refuses a missing file before contacting the server', async () => {
    await expect(uploadCommand([join(dir, 'absent.csv'), 's3://inbox/k', '--endpoint', 'http://127.0.0.1:1']))
      .rejects.toMatchObject({ code: 'ENOENT', path: join(dir, 'absent.csv') });
  });

  it('refuses a directory', async () => {
    await expect(uploadCommand([dir, 's3://inbox/k'])).rejects.toThrow(new UploadError(`${dir} is not a file`));
  });

  it('refuses a bad S3 URL', async () => {
    await expect(uploadCommand([localFile('x.csv', Buffer.from('x')), 'inbox/k'])).rejects.toThrow("'inbox/k' is not an S3 URL");
  });

  it('explains usage when arguments are missing', async () => {
    await expect(uploadCommand(['only-a-file'])).rejects.toThrow('usage: statecraft upload <file> s3://bucket/key [--endpoint URL]');
  });

  it('says when nothing listens at the endpoint', async () => {
    const closed = await createServer(engine, { port: 0 });
    await closed.close();
    const failure = uploadCommand([localFile('y.csv', Buffer.from('y')), 's3://inbox/k', '--endpoint', closed.url]);
    await expect(failure).rejects.toThrow(new UploadError(`nothing answers on ${closed.url} — start it with npm start`));
  });
});
