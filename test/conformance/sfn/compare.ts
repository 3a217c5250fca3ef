/** Compares an execution's final result with the recorded one. */
import { isDeepStrictEqual } from 'node:util';
import type { ExecutionResult } from '../../../src/interpreter/execution';
import type { SfnCase } from './corpus';

export type Verdict = { ok: true } | { ok: false; why: string };

export interface ResultNormalizers {
  output(value: unknown): unknown;
  cause(value: string | undefined): unknown;
}

export function compareResult(c: SfnCase, actual: ExecutionResult, normalize: ResultNormalizers): Verdict {
  const expected = c.expect;
  if (actual.status !== expected.status) return { ok: false, why: `status ${actual.status}, expected ${expected.status}` };
  if (expected.reliability === 'redacted') return { ok: true };
  if (actual.status === 'SUCCEEDED') {
    const output = expected.reliability === 'normalized' ? normalize.output(actual.output) : actual.output;
    return isDeepStrictEqual(output, expected.output) ? { ok: true } : { ok: false, why: `output ${JSON.stringify(output)}` };
  }
  if ((actual.error ?? undefined) !== expected.error) return { ok: false, why: `error ${actual.error}, expected ${expected.error}` };
  const comparable = expected.reliability === 'normalized' ? normalize.cause(actual.cause) : parsedCause(actual.cause);
  return isDeepStrictEqual(comparable, expected.cause) ? { ok: true } : { ok: false, why: `cause ${JSON.stringify(comparable)}` };
}

/** The recording stores a cause that is a JSON object as the parsed object. */
function parsedCause(cause: string | undefined): unknown {
  if (cause === undefined || !cause.startsWith('{')) return cause;
  try {
    return JSON.parse(cause);
  } catch {
    return cause;
  }
}
