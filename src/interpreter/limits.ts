/**
 * Step Functions' service limits, as explicit guards with AWS's error names.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
 */
import { StatesError, StatesErrors } from '../asl/errors';

/** Largest input or output of a state or execution: 256 KiB of UTF-8. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
/** Most events an execution's history may hold. */
export const MAX_HISTORY_EVENTS = 25_000;
/** A Wait may not end later than this many seconds after it starts (about 68 years: 2^31 s). */
export const MAX_WAIT_SECONDS = 2 ** 31 - 1;

export function payloadBytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export function taskResultTooLarge(resource: string): StatesError {
  return new StatesError(
    StatesErrors.DataLimitExceeded,
    `The state/task '${resource}' returned a result with a size exceeding the maximum number of bytes service limit.`,
    false,
  );
}
