/**
 * AWS JSON 1.1 as EventBridge speaks it: `application/x-amz-json-1.1`, dates as epoch seconds, and
 * errors as `{"__type": "<Name>", "message": …}` with the bare error name.
 * @see https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
 */
import type { ServerResponse } from 'node:http';
import { parseRequest, toJsonText, unknownOperation } from '../json-protocol';
import type { TargetHandler } from '../server';

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

export type Json11Operation<S> = (service: S, request: Record<string, unknown>) => unknown;

/**
 * One JSON 1.1 API (EventBridge, Glue, Athena): the operation looked up by name, run on `service` with
 * the parsed body and answered 200; an unknown operation or any failure goes to the API's own
 * `sendFailure`, which names errors as that API does.
 */
export function json11Handler<S>(
  prefix: string,
  service: S,
  operations: Readonly<Record<string, Json11Operation<S>>>,
  sendFailure: (res: ServerResponse, err: unknown) => void,
): TargetHandler {
  return async (operation, body, res) => {
    try {
      const run = Object.hasOwn(operations, operation) ? operations[operation] : undefined;
      if (!run) throw unknownOperation(`${prefix}.${operation}`);
      sendJson11(res, 200, (await run(service, parseRequest(body))) ?? {});
    } catch (err) {
      sendFailure(res, err);
    }
  };
}
