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

export function exceedsPayloadQuota(value: Json): boolean {
  // Measured as a bound first: writing the JSON text of every state's output would cost more.
  if (sizeBound(value, MAX_PAYLOAD_BYTES) <= MAX_PAYLOAD_BYTES) return false;
  return payloadBytes(JSON.stringify(value)) > MAX_PAYLOAD_BYTES;
}

/**
 * A bound on the UTF-8 size of `value`'s JSON text, cheaper than writing the text: a string
 * character takes at most 6 bytes (a `\u00XX` escape), a number at most 24. Counting stops past `limit`.
 */
function sizeBound(value: Json, limit: number): number {
  if (typeof value === 'string') return value.length * 6 + 2;
  if (typeof value !== 'object' || value === null) return 24;
  let total = 2;
  if (Array.isArray(value)) {
    for (const item of value) {
      total += sizeBound(item, limit - total) + 1;
      if (total > limit) return total;
    }
    return total;
  }
  for (const key in value) {
    total += key.length * 6 + 4 + sizeBound(value[key], limit - total);
    if (total > limit) return total;
  }
  return total;
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
