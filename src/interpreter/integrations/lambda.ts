/**
 * Lambda as a Task resource: a bare function ARN (the payload is the state's input, the result is
 * the function's response) or `arn:aws:states:::lambda:invoke` (Parameters are Invoke's request,
 * the result is Invoke's response envelope with the payload under `Payload`).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
 */
import type { Json, JsonObject } from '../../asl/json';
import { isJsonObject } from '../../asl/json';
import { StatesError, StatesErrors } from '../../asl/errors';
import { MAX_PAYLOAD_BYTES, payloadBytes, taskResultTooLarge } from '../limits';
import type { StateContext } from '../runtime';
import { invokeEnvelope } from './lambda-envelope';
import type { LambdaResponse } from './services';

export function functionNameOf(arnOrName: string): string {
  const m = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)/.exec(arnOrName);
  return m ? m[1] : arnOrName;
}

/** Invokes the function and turns its response into a task result or a StatesError. */
export async function invokeFunction(
  ctx: StateContext,
  functionArn: string,
  payload: Json | undefined,
  signal: AbortSignal,
  envelope: boolean,
  logType?: string,
): Promise<Json> {
  const requestId = ctx.rt.newId();
  const response = await ctx.rt.services.lambda.invoke(functionNameOf(functionArn), payload, { signal, requestId });
  // AWS names the function ARN for a bare-ARN task, but only the service for lambda:invoke.
  if (payloadBytes(response.payload) > MAX_PAYLOAD_BYTES) throw taskResultTooLarge(envelope ? 'lambda' : functionArn);
  if (response.functionError) throw functionFailure(response, envelope);
  const parsed = parsePayload(response.payload);
  if (!envelope) return parsed;
  return invokeEnvelope({ response, payload: parsed, requestId, now: ctx.rt.clock.now(), logType });
}

function parsePayload(text: string): Json {
  if (text === '') return null;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/**
 * A function error: the error name is the thrown type, the cause Lambda's error payload — as the
 * runtime wrote it for a bare function ARN, re-serialised compactly by the lambda:invoke integration.
 */
function functionFailure(response: LambdaResponse, viaInvokeIntegration: boolean): StatesError {
  let errorType: string = StatesErrors.TaskFailed;
  let cause = response.payload;
  try {
    const body = JSON.parse(response.payload) as unknown;
    if (isJsonObject(body) && typeof body.errorType === 'string') errorType = body.errorType;
    if (viaInvokeIntegration) cause = JSON.stringify(body);
  } catch {
    // a non-JSON error payload keeps the generic name and its text
  }
  return new StatesError(errorType, cause, false);
}

/**
 * `lambda:invoke` Parameters: FunctionName and Payload. A string Payload is the request body itself
 * (JSON text), as Lambda's Invoke takes it; null or no Payload sends no body.
 */
export function invokeRequest(parameters: Json): { functionName: string; payload: Json | undefined; logType?: string } {
  const p: JsonObject = isJsonObject(parameters) ? parameters : {};
  if (typeof p.FunctionName !== 'string') {
    throw new StatesError(StatesErrors.Runtime, "The field 'FunctionName' is required for the resource 'arn:aws:states:::lambda:invoke'.");
  }
  return { functionName: p.FunctionName, payload: requestBody(p.Payload), ...(typeof p.LogType === 'string' ? { logType: p.LogType } : {}) };
}

function requestBody(payload: Json | undefined): Json | undefined {
  if (payload === null || payload === undefined) return undefined;
  if (typeof payload !== 'string') return payload;
  try {
    return JSON.parse(payload) as Json;
  } catch {
    throw new StatesError('Lambda.InvalidRequestContentException', `Could not parse request body into json: ${payload} (Service: Lambda, Status Code: 400)`, false);
  }
}
