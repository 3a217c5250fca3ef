/** Compares an execution's final result with the recorded one. */
import { isDeepStrictEqual } from 'node:util';
import type { SfnCase } from './corpus';
import { normalizedFinal, recorded, withoutSkipped } from './history';
import type { CaseRun } from './run-case';

export type Verdict = { ok: true } | { ok: false; why: string };

export function compareResult(c: SfnCase, run: CaseRun): Verdict {
  const expected = c.expect;
  const actual = run.result;
  if (actual.status !== expected.status) return { ok: false, why: `status ${actual.status}, expected ${expected.status}` };
  if (expected.reliability === 'redacted') return { ok: true };
  if ((actual.error ?? undefined) !== expected.error) return { ok: false, why: `error ${actual.error}, expected ${expected.error}` };
  const normalized = expected.reliability === 'normalized' ? normalizedFinal(c, run) : undefined;
  if (actual.status === 'SUCCEEDED') {
    const output = withoutSkipped(c, normalized ? normalized.output : actual.output);
    const wanted = withoutSkipped(c, normalized ? recorded(c, expected.output) : expected.output);
    return isDeepStrictEqual(output, wanted) ? { ok: true } : { ok: false, why: `output ${JSON.stringify(output)}` };
  }
  const cause = normalized ? normalized.cause : parsedCause(actual.cause);
  return isDeepStrictEqual(cause, expected.cause) ? { ok: true } : { ok: false, why: `cause ${JSON.stringify(cause)}` };
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
