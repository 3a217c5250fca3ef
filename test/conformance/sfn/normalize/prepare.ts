/**
 * What localstack-snapshot did to a response before any transformer ran: `match()` stored it with keys
 * sorted (ResponseMetadata last), then the JSON strings among dict values were parsed.
 */
import { isJsonObject } from './types';

type Dict = Record<string, unknown>;

/** `_order_dict`: sorted keys, recursing into dicts and the dicts directly inside lists. */
export function orderKeys(value: unknown): unknown {
  if (!isJsonObject(value)) return value;
  const ordered: Dict = {};
  // Python sorts str keys by code point; JS's default sort compares UTF-16 units, equal for BMP keys.
  for (const key of Object.keys(value).sort()) {
    const member = value[key];
    ordered[key] = Array.isArray(member) ? member.map(orderKeys) : orderKeys(member);
  }
  if (Object.hasOwn(ordered, 'ResponseMetadata')) {
    const metadata = ordered.ResponseMetadata;
    delete ordered.ResponseMetadata;
    ordered.ResponseMetadata = metadata;
  }
  return ordered;
}

/**
 * `_transform_dict_to_parseable_values`: a dict value that is a string starting with '{' and parses becomes
 * the parsed value. Parsed values are not searched again, so JSON strings nested inside them stay strings;
 * lists are only entered one level (their dict items), as in the original.
 */
export function parseJsonStringValues(dict: Dict): void {
  for (const [key, value] of Object.entries(dict)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isJsonObject(item)) parseJsonStringValues(item);
    } else if (isJsonObject(value)) {
      parseJsonStringValues(value);
    } else if (typeof value === 'string' && value.startsWith('{')) {
      const parsed = tryParseJson(value);
      if (parsed.ok) dict[key] = parsed.value;
    }
  }
}

export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
