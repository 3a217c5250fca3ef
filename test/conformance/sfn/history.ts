/** Normalises a run's history and final result as the recording was, for comparison with it. */
import { isDeepStrictEqual } from 'node:util';
import { normalizeSnapshot, type RecordingRefs } from './normalize';
import type { SfnCase } from './corpus';
import { ROLE_ARN, type CaseRun } from './run-case';
import type { Verdict } from './compare';

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

/** A normaliser for single values (outputs, causes) of this run. */
export function valueNormalizer(c: SfnCase, run: CaseRun): (value: unknown) => unknown {
  return (value) => normalizeSnapshot({ value: value ?? null }, c.normalization, refsOf(run)).value;
}

/** The API's event shape with timestamps as epoch seconds, as the AWS JSON protocol sends them. */
function wireEvents(run: CaseRun): unknown[] {
  return run.history.map((e) => ({ ...e, timestamp: (e.timestamp as Date).getTime() / 1000 }));
}

export function compareHistory(c: SfnCase, run: CaseRun): Verdict {
  if (!c.history) return { ok: true };
  let events: unknown;
  try {
    events = (normalizeSnapshot({ get_execution_history: { events: wireEvents(run) } }, c.normalization, refsOf(run)).get_execution_history as { events: unknown }).events;
  } catch (err) {
    return { ok: false, why: `normalisation failed: ${(err as Error).message}` };
  }
  if (isDeepStrictEqual(events, c.history)) return { ok: true };
  const actual = events as unknown[];
  const index = c.history.findIndex((e, i) => !isDeepStrictEqual(e, actual[i]));
  return { ok: false, why: `event #${index}: expected ${JSON.stringify(c.history[index])?.slice(0, 300)} got ${JSON.stringify(actual[index])?.slice(0, 300)}` };
}
