/**
 * The 256 KiB quota on what a state outputs. A state whose output is larger fails the execution with
 * States.DataLimitExceeded before its Exited event, as AWS records it: a terminal failure of the
 * execution, which no Retry or Catch sees (DataLimitExceeded is terminal).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html#error-data-limit-exceed
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
 */
import type { Json } from '../asl/json';
import { StatesErrors } from '../asl/errors';
import { MAX_PAYLOAD_BYTES, payloadBytes } from './limits';

/** A UTF-8 character takes at most 3 bytes per UTF-16 unit: shorter texts need no byte count. */
const SURELY_WITHIN = Math.floor(MAX_PAYLOAD_BYTES / 3);

export function exceedsPayloadQuota(value: Json): boolean {
  // Numbers, booleans and null are a few bytes.
  if (typeof value !== 'object' && typeof value !== 'string') return false;
  const text = JSON.stringify(value);
  return text.length > SURELY_WITHIN && payloadBytes(text) > MAX_PAYLOAD_BYTES;
}

/**
 * A failure that ends the execution whatever the states around it declare: no Retry or Catch
 * (not even an enclosing Parallel's or Map's) sees it. Deliberately not a StatesError, which
 * every error handler matches on.
 */
export class TerminalFailure extends Error {
  constructor(
    readonly error: string,
    override readonly cause: string,
  ) {
    super(cause);
  }
}

/** Throws AWS's DataLimitExceeded for a state whose output is over the quota. */
export function checkStateOutput(stateName: string, output: Json): void {
  if (!exceedsPayloadQuota(output)) return;
  throw new TerminalFailure(
    StatesErrors.DataLimitExceeded,
    `The state/task '${stateName}' returned a result with a size exceeding the maximum number of bytes service limit.`,
  );
}
