/**
 * `statecraft upload <file> s3://bucket/key [--endpoint URL]`: puts a local file into the running server's S3,
 * for people without the AWS CLI. Files over 8 MiB go up as a multipart upload with progress on stderr; a
 * multipart upload that fails is aborted, so that no parts linger on the server.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html
 */
import { stat, open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AbortMultipartUploadCommand, CompleteMultipartUploadCommand, CreateMultipartUploadCommand, PutObjectCommand,
  S3Client, UploadPartCommand, type CompletedPart,
} from '@aws-sdk/client-s3';
import { UsageError } from './args';
import { endpointUrl, localClientConfig } from './endpoint';

const MiB = 1024 * 1024;
/** Larger files are sent as a multipart upload, in parts of at least this size. */
export const MULTIPART_THRESHOLD = 8 * MiB;
/** S3 accepts at most this many parts, so a very large file gets larger parts. */
const MAX_PARTS = 10_000;
/** Parts sent at once: enough to keep the connection busy, few enough to bound memory (4 × part size). */
const PARTS_IN_FLIGHT = 4;
const USAGE = 'usage: statecraft upload <file> s3://bucket/key [--endpoint URL]';

export interface S3Location {
  bucket: string;
  key: string;
}

export interface UploadProgress {
  sentBytes: number;
  totalBytes: number;
  partsDone: number;
  parts: number;
}

export interface UploadResult {
  bytes: number;
  /** 1 for a single PutObject. */
  parts: number;
  etag: string | undefined;
}

/** The upload reached the server and failed there; `code` is S3's error code when it gave one. */
export class UploadError extends Error {
  override readonly name = 'UploadError';

  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

/**
 * Reads `s3://bucket/key`. As with `aws s3 cp`, a key that is empty or ends in `/` names a folder, and the
 * file keeps its own name inside it.
 */
export function parseS3Url(url: string, fileName: string): S3Location {
  const match = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(url);
  if (!match) throw new UsageError(`'${url}' is not an S3 URL: expected s3://bucket/key`);
  const [, bucket, key = ''] = match;
  return { bucket, key: key === '' || key.endsWith('/') ? key + fileName : key };
}

export async function uploadCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { endpoint: { type: 'string' } } });
  if (positionals.length !== 2) throw new UsageError(USAGE);
  const [file, url] = positionals;
  const target = parseS3Url(url, basename(file));
  await requireFile(file);
  const endpoint = endpointUrl(values.endpoint);
  const client = new S3Client({ ...localClientConfig(endpoint), forcePathStyle: true });
  try {
    const result = await uploadFile({ client, file, target, onProgress: (p) => process.stderr.write(describeProgress(p)) });
    process.stdout.write(`upload: ${file} to s3://${target.bucket}/${target.key} (${result.bytes} bytes${result.parts > 1 ? `, ${result.parts} parts` : ''})\n`);
    return 0;
  } catch (error) {
    throw explain(error, target, endpoint);
  } finally {
    client.destroy();
  }
}

async function requireFile(file: string): Promise<void> {
  // A missing or unreadable file fails with its path, which the command prints as one line.
  const info = await stat(file);
  if (!info.isFile()) throw new UploadError(`${file} is not a file`);
}

function describeProgress({ sentBytes, totalBytes, partsDone, parts }: UploadProgress): string {
  const percent = Math.floor((100 * sentBytes) / totalBytes);
  return `  part ${partsDone}/${parts}: ${(sentBytes / MiB).toFixed(1)} of ${(totalBytes / MiB).toFixed(1)} MiB (${percent}%)\n`;
}

/** Turns what the SDK throws into a message that says what to do. */
function explain(error: unknown, target: S3Location, endpoint: string): unknown {
  if (!(error instanceof Error)) return error;
  if (error.name === 'NoSuchBucket') {
    return new UploadError(`bucket '${target.bucket}' does not exist at ${endpoint}: the bucket must exist before uploading (create it with CreateBucket, e.g. aws s3 mb s3://${target.bucket})`, 'NoSuchBucket');
  }
  // The SDK keeps Node's error, or only its text when the error comes from another realm (as under jest).
  if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED' || /\bECONNREFUSED\b/.test(error.message)) {
    return new UploadError(`nothing answers on ${endpoint} — start it with npm start`, 'ECONNREFUSED');
  }
  if (error.name !== 'Error') return new UploadError(`upload to s3://${target.bucket}/${target.key} failed: ${error.name}: ${error.message}`, error.name);
  return error;
}

export interface UploadOptions {
  client: S3Client;
  file: string;
  target: S3Location;
  onProgress?: (progress: UploadProgress) => void;
}

/** Uploads the file in one PutObject, or as a multipart upload when it is over MULTIPART_THRESHOLD. */
export async function uploadFile(options: UploadOptions): Promise<UploadResult> {
  const handle = await open(options.file, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= MULTIPART_THRESHOLD) {
      const body = await readRange(handle, 0, size);
      const output = await options.client.send(new PutObjectCommand({ Bucket: options.target.bucket, Key: options.target.key, Body: body }));
      return { bytes: size, parts: 1, etag: output.ETag };
    }
    return await uploadParts(options, handle, size);
  } finally {
    await handle.close();
  }
}

async function uploadParts({ client, target, onProgress }: UploadOptions, handle: FileHandle, size: number): Promise<UploadResult> {
  const partSize = Math.max(MULTIPART_THRESHOLD, Math.ceil(size / MAX_PARTS));
  const parts = Math.ceil(size / partSize);
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: target.bucket, Key: target.key }));
  const where = { Bucket: target.bucket, Key: target.key, UploadId };
  const completed: CompletedPart[] = [];
  let nextPart = 0;
  let sentBytes = 0;
  let failed = false;
  const sendParts = async () => {
    while (!failed && nextPart < parts) {
      const index = nextPart++;
      const start = index * partSize;
      const body = await readRange(handle, start, Math.min(partSize, size - start));
      const { ETag } = await client.send(new UploadPartCommand({ ...where, PartNumber: index + 1, Body: body }));
      completed.push({ PartNumber: index + 1, ETag });
      sentBytes += body.length;
      onProgress?.({ sentBytes, totalBytes: size, partsDone: completed.length, parts });
    }
  };
  try {
    const senders = Array.from({ length: Math.min(PARTS_IN_FLIGHT, parts) }, () => sendParts().catch((error: unknown) => {
      failed = true;
      throw error;
    }));
    const outcomes = await Promise.allSettled(senders);
    const rejection = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (rejection) throw rejection.reason;
    completed.sort((a, b) => a.PartNumber! - b.PartNumber!);
    const output = await client.send(new CompleteMultipartUploadCommand({ ...where, MultipartUpload: { Parts: completed } }));
    return { bytes: size, parts, etag: output.ETag };
  } catch (error) {
    // A failed cleanup must not hide the failure that made us clean up.
    await client.send(new AbortMultipartUploadCommand(where)).catch(() => undefined);
    throw error;
  }
}

async function readRange(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) throw new UploadError(`the file shrank while it was being uploaded (${position + filled} bytes readable)`);
    filled += bytesRead;
  }
  return buffer;
}
