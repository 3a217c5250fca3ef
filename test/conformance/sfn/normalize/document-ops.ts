/** The immediate ops that restructure the document (as opposed to matching keys or paths). */
import { tryParseJson } from './prepare';
import { isJsonObject } from './types';

type Dict = Record<string, unknown>;

/** ResponseMetaDataTransformer: keeps only the status code (headers emptied), through dicts but not lists. */
export function simplifyResponseMetadata(dict: Dict): void {
  for (const [key, value] of Object.entries(dict)) {
    if (key === 'ResponseMetadata' && isJsonObject(value)) {
      const headers = isJsonObject(value.HTTPHeaders) ? value.HTTPHeaders : {};
      const simplified: Dict = { HTTPHeaders: headers.content_type ? { content_type: headers.content_type } : {} };
      if (value.HTTPStatusCode) simplified.HTTPStatusCode = value.HTTPStatusCode;
      dict[key] = simplified;
    } else if (isJsonObject(value)) {
      simplifyResponseMetadata(value);
    }
  }
}

/** remove_key: drops the key from every dict, including dicts inside lists. */
export function removeKey(value: unknown, key: string): void {
  if (Array.isArray(value)) {
    for (const item of value) removeKey(item, key);
  } else if (isJsonObject(value)) {
    delete value[key];
    for (const member of Object.values(value)) removeKey(member, key);
  }
}

/**
 * The recording test's `_convert_output_to_json`: in each dict, the first child dict whose `output` is a
 * JSON string gets it parsed, and the scan of that dict stops there; lists are entered for their dict items.
 * It catches what the generic parsing leaves as strings (outputs that are arrays or scalars).
 */
export function convertFirstOutputToJson(dict: Dict): void {
  for (const value of Object.values(dict)) {
    if (isJsonObject(value)) {
      if (typeof value.output === 'string') {
        const parsed = tryParseJson(value.output);
        if (parsed.ok) {
          value.output = parsed.value;
          return;
        }
      }
      convertFirstOutputToJson(value);
    } else if (Array.isArray(value)) {
      for (const item of value) if (isJsonObject(item)) convertFirstOutputToJson(item);
    }
  }
}
