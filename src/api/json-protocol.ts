/**
 * The AWS JSON 1.0 protocol as Step Functions speaks it: JSON bodies, dates as epoch seconds and
 * errors as `{"__type": "<namespace>#<Name>", "message": …}` with the error's HTTP status.
 * @see https://smithy.io/2.0/aws/protocols/aws-json-1_0-protocol.html
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';
export const SFN_ERROR_NAMESPACE = 'com.amazonaws.swf.service.v2.model';
const CORAL_NAMESPACE = 'com.amazon.coral.service';

/** Larger than any valid request (a definition is at most 1 MiB, an input 256 KiB). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export class ProtocolError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is drained unread, so the client still gets the error response.
      if (size > limit) reject(new ProtocolError(`${CORAL_NAMESPACE}#RequestEntityTooLargeException`, `Request body larger than ${limit} bytes`, 413));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** An empty body is an empty request; anything else must be a JSON object. */
export function parseRequest(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ProtocolError(`${CORAL_NAMESPACE}#SerializationException`, `Malformed JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ProtocolError(`${CORAL_NAMESPACE}#SerializationException`, 'The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function unknownOperation(target: string): ProtocolError {
  return new ProtocolError(`${CORAL_NAMESPACE}#UnknownOperationException`, `Unknown operation: ${target}`);
}

/** JSON with Dates as epoch seconds (the replacer sees the raw value through `this`). */
export function toJsonText(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() / 1000 : v;
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = toJsonText(body);
  res.writeHead(status, { 'content-type': JSON_CONTENT_TYPE, 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': cryptoId() });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, type: string, message: string): void {
  sendJson(res, status, { __type: type, message });
}

function cryptoId(): string {
  return globalThis.crypto.randomUUID();
}
