/**
 * Applies an input-transformers corpus case's `normalization` to a delivered payload, as the
 * corpus README describes: JSONPath replacements on the parsed payload first, then the textual
 * replacements (literals, ISO-8601 -> "date", UUID -> "<uuid>") on its text.
 */
import { JSONPath } from 'jsonpath-plus';

export type NormalizationOp =
  | { op: 'literal'; value: string; replacement: string }
  | { op: 'iso8601_to_date'; replacement: string }
  | { op: 'uuid'; replacement: string }
  | { op: 'jsonpath'; path: string; replacement: string };

// localstack-snapshot's PATTERN_ISO8601 (the capture group is not needed here).
const ISO8601 =
  /(?:[1-9]\d{3}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31)|(?:[1-9]\d(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26])00)-02-29)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:Z|[+-][01]\d:?(?:[0-5]\d)?)/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export function normalizeJsonPayload(payload: unknown, ops: readonly NormalizationOp[]): unknown {
  const copy = structuredClone(payload);
  for (const op of ops) {
    if (op.op !== 'jsonpath') continue;
    JSONPath({
      path: op.path,
      json: copy as object,
      resultType: 'all',
      callback: (match: { parent: Record<string, unknown>; parentProperty: string }) => {
        match.parent[match.parentProperty] = op.replacement;
      },
    });
  }
  return JSON.parse(normalizeText(JSON.stringify(copy), ops));
}

export function normalizeText(text: string, ops: readonly NormalizationOp[]): string {
  let result = text;
  for (const op of ops) {
    if (op.op === 'literal') result = result.split(op.value).join(op.replacement);
    if (op.op === 'iso8601_to_date') result = result.replace(ISO8601, op.replacement);
    if (op.op === 'uuid') result = result.replace(UUID, op.replacement);
  }
  return result;
}
