import { Transform, type TransformCallback } from 'node:stream';
import { S3Error } from '../../objects';

/** Chunk headers and trailer lines are short; anything longer is not aws-chunked framing. */
const MAX_LINE = 8 * 1024;

type State = 'size' | 'data' | 'data-end' | 'trailer' | 'done';

/**
 * Decodes the `aws-chunked` framing the AWS SDKs and CLI use for streaming uploads
 * (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`, `STREAMING-UNSIGNED-PAYLOAD-TRAILER`, …):
 * `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n` … `0[;…]\r\n[<trailer>:<value>\r\n]*\r\n`.
 * Signatures are not checked; trailers (checksums) are collected in `trailers`.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 */
export class AwsChunkedDecoder extends Transform {
  readonly trailers: Record<string, string> = {};
  private state: State = 'size';
  private pending: Buffer = Buffer.alloc(0);
  private remaining = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    try {
      this.consume();
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    // Some clients end the body right after the final zero-size chunk without the closing CRLF.
    const finishedEarly = this.state === 'trailer' && this.pending.length === 0;
    if (this.state === 'done' || finishedEarly) callback();
    else callback(new S3Error('IncompleteBody', 'The request body terminated unexpectedly'));
  }

  private consume(): void {
    for (;;) {
      if (this.state === 'data') {
        if (this.pending.length === 0) return;
        const take = Math.min(this.remaining, this.pending.length);
        this.push(this.pending.subarray(0, take));
        this.pending = this.pending.subarray(take);
        this.remaining -= take;
        if (this.remaining === 0) this.state = 'data-end';
        continue;
      }
      if (this.state === 'done') {
        this.pending = Buffer.alloc(0);
        return;
      }
      const line = this.takeLine();
      if (line === undefined) return;
      this.onLine(line);
    }
  }

  private onLine(line: string): void {
    switch (this.state) {
      case 'size': {
        const size = Number.parseInt(line.split(';', 1)[0].trim(), 16);
        if (!Number.isFinite(size) || size < 0) throw malformed();
        this.remaining = size;
        this.state = size === 0 ? 'trailer' : 'data';
        return;
      }
      case 'data-end':
        if (line !== '') throw malformed();
        this.state = 'size';
        return;
      case 'trailer': {
        if (line === '') {
          this.state = 'done';
          return;
        }
        const colon = line.indexOf(':');
        if (colon <= 0) throw malformed();
        this.trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
        return;
      }
      default:
        throw malformed();
    }
  }

  private takeLine(): string | undefined {
    const end = this.pending.indexOf('\r\n');
    if (end < 0) {
      if (this.pending.length > MAX_LINE) throw malformed();
      return undefined;
    }
    const line = this.pending.subarray(0, end).toString('latin1');
    this.pending = this.pending.subarray(end + 2);
    return line;
  }
}

function malformed(): S3Error {
  return new S3Error('IncompleteBody', 'The aws-chunked request body is malformed');
}

/** Whether a request's body uses aws-chunked framing. */
export function isAwsChunked(headers: Record<string, string | string[] | undefined>): boolean {
  const sha = String(headers['x-amz-content-sha256'] ?? '');
  const encoding = String(headers['content-encoding'] ?? '');
  return sha.startsWith('STREAMING-') || encoding.split(',').some((part) => part.trim() === 'aws-chunked');
}
