/**
 * AWS REST-JSON as EventBridge Scheduler speaks it: operations by method and path, JSON bodies with
 * dates as epoch seconds, and errors as their HTTP status, the error name in `x-amzn-ErrorType` and
 * `{"Message": …}`.
 * @see https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html
 */
import type { ServerResponse } from 'node:http';
import { toJsonText } from '../json-protocol';

export function sendRestJson(res: ServerResponse, status: number, body: unknown): void {
  const text = toJsonText(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': globalThis.crypto.randomUUID() });
  res.end(text);
}

export function sendRestError(res: ServerResponse, status: number, type: string, message: string): void {
  const text = JSON.stringify({ Message: message });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-amzn-errortype': type,
    'x-amzn-requestid': globalThis.crypto.randomUUID(),
  });
  res.end(text);
}

/** Epoch seconds (fractions allowed) to Dates; anything else is left for validation to reject. */
export function epochSecondsToDate(value: unknown): unknown {
  return typeof value === 'number' ? new Date(value * 1000) : value;
}

/** Query numbers arrive as text; a non-number is left as text for validation to reject. */
export function queryNumber(value: string | null): number | string | undefined {
  if (value === null) return undefined;
  return /^-?\d+$/.test(value) ? Number(value) : value;
}
