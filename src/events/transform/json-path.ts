import { JSONPath } from 'jsonpath-plus';

/**
 * Reads an InputPath / InputPathsMap path from the event. EventBridge paths are simple JSONPath
 * (dot notation, array indices, `*`): a path naming one location yields that value, a wildcard
 * path yields the array of its matches, and a path matching nothing yields undefined.
 */
export function readEventPath(event: unknown, path: string): unknown {
  const matches = JSONPath({ path, json: event as object, wrap: true }) as unknown[];
  if (isWildcardPath(path)) return matches.length > 0 ? matches : undefined;
  return matches[0];
}

function isWildcardPath(path: string): boolean {
  return path.includes('*') || path.includes('..');
}
