/** Normalises a run's history and final result as the recording was, for comparison with it. */
import { isDeepStrictEqual } from 'node:util';
import { normalizeSnapshot, type RecordingRefs } from './normalize';
import type { SfnCase } from './corpus';
import { ROLE_ARN, type CaseRun } from './run-case';
import type { ResultNormalizers, Verdict } from './compare';

export function refsOf(run: CaseRun): RecordingRefs {
  return {
    accountId: '000000000000',
    region: 'us-east-1',
    partition: 'aws',
    roleArn: ROLE_ARN,
    stateMachineArn: run.stateMachineArn,
    executionArns: [run.executionArn],
    output: run.result.output,
  };
}

/**
 * Normalisers for this run's output and cause. The recording saw an output as the JSON text of
 * DescribeExecution's `output`, which normalisation parses once when it is an object (nested JSON
 * text stays text); a cause is plain text, parsed only when it holds an object.
 */
export function resultNormalizers(c: SfnCase, run: CaseRun): ResultNormalizers {
  const normalize = (text: string) => normalizeSnapshot({ value: text }, c.normalization, refsOf(run)).value;
  return {
    output(value) {
      const normalized = normalize(JSON.stringify(value ?? null));
      return typeof normalized === 'string' ? JSON.parse(normalized) : normalized;
    },
    cause: (value) => (value === undefined ? undefined : normalize(value)),
  };
}

export function compareHistory(c: SfnCase, run: CaseRun): Verdict {
  if (!c.history) return { ok: true };
  let events: unknown;
  try {
    events = (normalizeSnapshot({ get_execution_history: { events: run.history } }, c.normalization, refsOf(run)).get_execution_history as { events: unknown }).events;
  } catch (err) {
    return { ok: false, why: `normalisation failed: ${(err as Error).message}` };
  }
  if (isDeepStrictEqual(events, c.history)) return { ok: true };
  const actual = events as unknown[];
  const index = c.history.findIndex((e, i) => !isDeepStrictEqual(e, actual[i]));
  return { ok: false, why: `event #${index}: expected ${JSON.stringify(c.history[index])?.slice(0, 300)} got ${JSON.stringify(actual[index])?.slice(0, 300)}` };
}
