/**
 * Reproduces localstack-snapshot's normalisation of a recorded response, so that our engine's results can
 * be compared with the corpus' AWS recordings (see ../shared/conformance/README.md, "Normalisation").
 */
import { applyOp } from './apply-op';
import { SerializedReplacementError } from './errors';
import { expandLiteralValues } from './literal-tokens';
import { orderKeys, parseJsonStringValues } from './prepare';
import { pythonJsonDumps } from './python-json';
import { TransformContext } from './transform-context';
import type { NormalizationOp, RecordingRefs } from './types';

/**
 * Normalises one recorded-style document the way localstack-snapshot did for the case.
 *
 * Each top-level key is one snapshot key (e.g. `{ get_execution_history: { events }, output }`): keys are
 * serialised separately but share one context, so `<uuid:n>` numbering runs across them in key order. Paths
 * such as `$..events` need the GetExecutionHistory response shape (`{ events: [...] }`), not a bare list.
 * The input is not modified.
 */
export function normalizeSnapshot(document: Record<string, unknown>, ops: NormalizationOp[], refs: RecordingRefs): Record<string, unknown> {
  const working: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(structuredClone(document))) working[key] = orderKeys(value);
  parseJsonStringValues(working);

  const literalValues = expandLiteralValues(ops, refs);
  const context = new TransformContext();
  const byPriority = [...ops].sort((a, b) => priorityOf(a) - priorityOf(b));
  for (const op of byPriority) applyOp(op, { document: working, context, literalValue: literalValues.get(op) });

  const normalized: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(working)) {
    const text = context.replacements.reduce((current, replace) => replace(current), pythonJsonDumps(value));
    try {
      normalized[key] = JSON.parse(text);
    } catch {
      throw new SerializedReplacementError(key, text);
    }
  }
  return normalized;
}

function priorityOf(op: NormalizationOp): number {
  return typeof op.priority === 'number' ? op.priority : 0;
}
