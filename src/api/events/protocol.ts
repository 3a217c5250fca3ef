/**
 * AWS JSON 1.1 as EventBridge speaks it: `application/x-amz-json-1.1`, dates as epoch seconds, and
 * errors as `{"__type": "<Name>", "message": …}` with the bare error name.
 * @see https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
 */
import type { ServerResponse } from 'node:http';
import { toJsonText } from '../json-protocol';

export const JSON_11_CONTENT_TYPE = 'application/x-amz-json-1.1';

export function sendJson11(res: ServerResponse, status: number, body: unknown): void {
  const text = toJsonText(body);
  res.writeHead(status, { 'content-type': JSON_11_CONTENT_TYPE, 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': globalThis.crypto.randomUUID() });
  res.end(text);
}

/** Request timestamps arrive as epoch seconds (fractions allowed); the bus takes Dates. */
export function epochSecondsToDate(value: unknown): unknown {
  return typeof value === 'number' ? new Date(value * 1000) : value;
}
