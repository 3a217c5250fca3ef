/**
 * The response of the `lambda:invoke` integration: Invoke's result as the AWS SDK for Java shows it
 * to Step Functions, with the HTTP headers Lambda sends and, for `LogType: Tail`, the log's tail.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_ResponseSyntax
 */
import type { Json, JsonObject } from '../../asl/json';
import { payloadBytes } from '../limits';
import type { LambdaResponse } from './services';

export interface EnvelopeCall {
  response: LambdaResponse;
  payload: Json;
  requestId: string;
  /** epoch milliseconds: the response's Date header */
  now: number;
  /** `Tail` returns the last 4 KB of the invocation's log, base64-encoded, in LogResult. */
  logType?: string;
}

export function invokeEnvelope(call: EnvelopeCall): JsonObject {
  const { response, requestId } = call;
  const logResult = call.logType === 'Tail' ? logTail(requestId, response.executedVersion) : undefined;
  const headers: Record<string, string> = {
    Connection: 'keep-alive',
    'Content-Length': String(payloadBytes(response.payload)),
    'Content-Type': 'application/json',
    Date: new Date(call.now).toUTCString(),
    'X-Amz-Executed-Version': response.executedVersion,
    ...(logResult === undefined ? {} : { 'X-Amz-Log-Result': logResult }),
    'x-amzn-Remapped-Content-Length': '0',
    'x-amzn-RequestId': requestId,
    'X-Amzn-Trace-Id': traceId(requestId, call.now),
  };
  const all: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(headers)) all[k] = [v];
  return {
    ExecutedVersion: response.executedVersion,
    ...(logResult === undefined ? {} : { LogResult: logResult }),
    Payload: call.payload,
    SdkHttpMetadata: { AllHttpHeaders: all, HttpHeaders: headers, HttpStatusCode: 200 },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}

/** The lines the Lambda runtime logs around every invocation, which is what a local invocation has to tail. */
function logTail(requestId: string, version: string): string {
  const text = `START RequestId: ${requestId} Version: ${version}\nEND RequestId: ${requestId}\nREPORT RequestId: ${requestId}\n`;
  return Buffer.from(text, 'utf8').toString('base64');
}

/** An X-Ray trace header: Root=1-<epoch seconds, hex>-<24 hex digits>. */
function traceId(requestId: string, now: number): string {
  const hex = requestId.replace(/-/g, '').padEnd(24, '0').slice(0, 24);
  return `Root=1-${Math.floor(now / 1000).toString(16)}-${hex};Sampled=0`;
}
