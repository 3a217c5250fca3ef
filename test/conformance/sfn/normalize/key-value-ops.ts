/**
 * The ops built on localstack-snapshot's KeyValueBasedTransformer: a match function sees every (key, value)
 * of every dict; a matched value is either replaced in place or registered as a reference, and is not
 * descended into. Lists are entered only for their dict items.
 */
import { PATTERN_ISO8601 } from './patterns';
import { tryParseJson } from './prepare';
import type { TransformContext } from './transform-context';
import { isJsonObject } from './types';

type Dict = Record<string, unknown>;
/** Returns the matched text (the value, or part of it), or undefined when the pair does not match. */
export type KeyValueMatcher = (key: string, value: unknown) => string | undefined;

export type KeyValueAction = { kind: 'replace'; replacement: string } | { kind: 'reference'; name: string; context: TransformContext };

export function transformKeyValues(dict: Dict, matcher: KeyValueMatcher, action: KeyValueAction): void {
  for (const [key, value] of Object.entries(dict)) {
    const matched = matcher(key, value);
    if (matched !== undefined) {
      if (action.kind === 'reference') action.context.registerReference(matched, action.name);
      else dict[key] = typeof value === 'string' ? value.replaceAll(matched, action.replacement) : action.replacement;
    } else if (Array.isArray(value)) {
      for (const item of value) if (isJsonObject(item)) transformKeyValues(item, matcher, action);
    } else if (isJsonObject(value)) {
      transformKeyValues(value, matcher, action);
    }
  }
}

const UUID_AT_START = /^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}/;

/** Keys ending in "id" whose string value starts with a UUID (re.match anchors at the start only). */
export const uuidIdKeys: KeyValueMatcher = (key, value) =>
  typeof value === 'string' && key.toLowerCase().endsWith('id') && UUID_AT_START.test(value) ? value : undefined;

// Python's `.` only excludes \n, and its `$` also matches before a final newline.
const TIMESTAMP_KEY = /^[^\n]*timestamp[^\n]*\n?$/i;
const ISO8601_AT_START = new RegExp(`^(?:${PATTERN_ISO8601.source})`);

/** Python's str() of a JSON value is all the ISO test needs: only strings can look like a date. */
function pythonStr(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? 'None';
}

/** Timestamp-named keys whose value is not an ISO-8601 date (those are left to iso8601_to_date). */
export const timestampKeys: KeyValueMatcher = (key, value) => {
  if (!TIMESTAMP_KEY.test(key) && key !== 'creationTime' && key !== 'ingestionTime') return undefined;
  const text = pythonStr(value);
  return ISO8601_AT_START.test(text) ? undefined : text;
};

/** Python datetime objects; a JSON document only has them if the caller passed JS Dates. */
export const datetimeObjects: KeyValueMatcher = (_key, value) => (value instanceof Date ? value.toISOString() : undefined);

const CAUSE_WITH_QUOTED_JSON = /^[^\n]*'(\{[^\n]*\})'/;

/** A `cause` string embedding `'{json}'` (a task's input in some errors): the JSON part becomes a reference. */
export const sfnCauseJsonInput: KeyValueMatcher = (key, value) => {
  if (key !== 'cause' || typeof value !== 'string') return undefined;
  const json = CAUSE_WITH_QUOTED_JSON.exec(value)?.[1];
  return json !== undefined && tryParseJson(json).ok ? json : undefined;
};
