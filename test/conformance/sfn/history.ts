/**
 * Normalises a run's history as the recording was, for comparison with it. The recorded final
 * results of `normalized` cases are the normalised history's last event, so they are compared
 * the same way.
 */
import { isDeepStrictEqual } from 'node:util';
import { normalizeSnapshot, type RecordingRefs } from './normalize';
import { updateJsonPath } from './normalize/json-path';
import type { SfnCase } from './corpus';
import { ROLE_ARN, type CaseRun } from './run-case';
import type { Verdict } from './compare';

/**
 * skipPaths that name what no engine can reproduce: Lambda's HTTP headers and request ids.
 * The recording marks them skipped; everything else it skips is still compared.
 */
const UNREPRODUCIBLE = new Set(['$..SdkHttpMetadata', '$..SdkResponseMetadata']);

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

/** The run's history, normalised like the recording, without the unreproducible parts. */
export function normalizedEvents(c: SfnCase, run: CaseRun): Record<string, unknown>[] {
  const doc = normalizeSnapshot({ get_execution_history: { events: run.history } }, normalizationOps(c, run), refsOf(run));
  const events = (doc.get_execution_history as { events: Record<string, unknown>[] }).events;
  return withoutSkipped(c, JSON.parse(normalizeMapRunArns(JSON.stringify(events)))) as Record<string, unknown>[];
}

/**
 * A literal op naming a value of the execution input stands for the value the test sent; where the
 * case regenerates that value from the clock, the op names the regenerated one.
 */
function normalizationOps(c: SfnCase, run: CaseRun): SfnCase['normalization'] {
  const regenerated = run.regenerated;
  if (!regenerated) return c.normalization;
  return c.normalization.map((op) => (op.op === 'literal' && op.value === regenerated.stored ? { ...op, value: regenerated.now } : op));
}

const MAP_RUN_ARN = /(:mapRun:[^/"]+\/)([^:"]+):([0-9a-f-]{36})/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The recordings replaced Map Run ARNs' generated parts (LocalStack's map-run transformer, which the
 * corpus' op lists do not carry): the generated label and the run id, numbered per Map Run.
 */
function normalizeMapRunArns(text: string): string {
  const runs = new Map<string, number>();
  return text.replace(MAP_RUN_ARN, (_m, prefix: string, label: string, id: string) => {
    const n = runs.get(id) ?? runs.size;
    runs.set(id, n);
    return `${prefix}${UUID.test(label) ? `<MapRunArnPart0_${n}idx>` : label}:<MapRunArnPart1_${n}idx>`;
  });
}

/**
 * The recorded value (history or final output) under its case's own path overwrites. A `jsonpath` op
 * that replaces a value outright (replaceReference false) declares that field not compared — request
 * ids, dates, trace ids. Recordings made before the test carried the op kept the raw value there, so
 * the overwrite is applied to the recording too; for every recording made with the op it changes nothing.
 */
export function recorded<T>(c: SfnCase, value: T): T {
  const overwrites = c.normalization.filter((op) => op.op === 'jsonpath' && op.replaceReference === false);
  if (overwrites.length === 0 || value === undefined) return value;
  // A JSON copy, not structuredClone: under jest that makes objects of another realm, which isDeepStrictEqual tells apart.
  const document = { value: JSON.parse(JSON.stringify(value)) as T };
  for (const op of overwrites) updateJsonPath(document, op.path as string, op.replacement);
  return document.value;
}

export function withoutSkipped(c: SfnCase, value: unknown): unknown {
  const keys = (c.skipPaths ?? []).filter((p) => UNREPRODUCIBLE.has(p)).map((p) => p.slice(3));
  return keys.length === 0 ? value : dropKeys(value, new Set(keys));
}

function dropKeys(value: unknown, keys: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => dropKeys(v, keys));
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!keys.has(k)) out[k] = dropKeys(v, keys);
  return out;
}

/** The final output or cause as the normalised history's closing event shows it. */
export function normalizedFinal(c: SfnCase, run: CaseRun): { output?: unknown; cause?: unknown } {
  const last = normalizedEvents(c, run).at(-1) ?? {};
  const succeeded = last.executionSucceededEventDetails as { output?: unknown } | undefined;
  if (succeeded) return { output: typeof succeeded.output === 'string' ? JSON.parse(succeeded.output) : succeeded.output };
  const failed = last.executionFailedEventDetails as { cause?: unknown } | undefined;
  return { cause: failed?.cause };
}

export function compareHistory(c: SfnCase, run: CaseRun): Verdict {
  if (!c.history) return { ok: true };
  let events: unknown[];
  try {
    events = normalizedEvents(c, run);
  } catch (err) {
    return { ok: false, why: `normalisation failed: ${(err as Error).message}` };
  }
  const expected = withoutSkipped(c, recorded(c, c.history)) as unknown[];
  if (isDeepStrictEqual(events, expected)) return { ok: true };
  const index = expected.findIndex((e, i) => !isDeepStrictEqual(e, events[i]));
  return { ok: false, why: `event #${index}: expected ${JSON.stringify(expected[index])?.slice(0, 300)} got ${JSON.stringify(events[index])?.slice(0, 300)}` };
}
