import { JSONPath } from 'jsonpath-plus';
import type { Json } from '../../asl/json';
import { runtimeError } from '../../asl/errors';
import { compilePath, normalizedPath, type CompiledPath, type PathSegment } from './compile-path';
import type { PathScope } from './scope';

/** What a path found: a value, or why nothing matched (Jayway's wording, used in AWS causes). */
export type PathQuery = { found: true; value: Json } | { found: false; document: Json; reason: string };

/**
 * Evaluates a path without throwing on "no match", for callers that treat absence as data
 * (IsPresent) or word their own cause. `document` replaces the scope's input as the `$` root.
 */
export function queryPath(path: string, scope: PathScope, document: Json = scope.input): PathQuery {
  const compiled = compilePath(path);
  const root = rootDocument(compiled, scope, document);
  if (!root.found) return root;
  if (compiled.segments) return walkDefinite(root.value, compiled.segments);
  return { found: true, value: queryIndefinite(compiled, root.value) };
}

function rootDocument(compiled: CompiledPath, scope: PathScope, input: Json): PathQuery {
  const root = compiled.root;
  if (root.kind === 'input') return { found: true, value: input };
  if (root.kind === 'context') return { found: true, value: scope.context };
  if (root.name in scope.variables) return { found: true, value: scope.variables[root.name] };
  return { found: false, document: input, reason: `The variable '$${root.name}' is not defined` };
}

function walkDefinite(document: Json, segments: readonly PathSegment[]): PathQuery {
  let value: Json = document;
  for (let i = 0; i < segments.length; i++) {
    const next = step(value, segments[i]);
    if (next === undefined) return { found: false, document, reason: missingReason(value, segments, i) };
    value = next;
  }
  return { found: true, value };
}

function step(value: Json, segment: PathSegment): Json | undefined {
  if (typeof segment === 'number') {
    if (!Array.isArray(value)) return undefined;
    return value[segment < 0 ? value.length + segment : segment];
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, segment) ? value[segment] : undefined;
}

/** Jayway distinguishes a missing leaf ("No results") from a missing step on the way ("Missing property"). */
function missingReason(parent: Json, segments: readonly PathSegment[], failedAt: number): string {
  const isLeaf = failedAt === segments.length - 1;
  const segment = segments[failedAt];
  if (typeof segment === 'string' && !isJsonMap(parent)) {
    return (
      `Expected to find an object with property ['${segment}'] in path ${normalizedPath(segments, failedAt)}` +
      ` but found '${javaTypeName(parent)}'. This is not a json object according to the JsonProvider: ` +
      `'com.jayway.jsonpath.spi.json.JacksonJsonProvider'.`
    );
  }
  if (isLeaf) return `No results for path: ${normalizedPath(segments)}`;
  return `Missing property in path ${normalizedPath(segments, failedAt + 1)}`;
}

function isJsonMap(value: Json): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function javaTypeName(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'java.util.ArrayList';
  if (typeof value === 'string') return 'java.lang.String';
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  return Number.isInteger(value) ? 'java.lang.Integer' : 'java.lang.Double';
}

/** Wildcards, filters, slices and recursive descent: Jayway returns the list of matches, possibly empty. */
function queryIndefinite(compiled: CompiledPath, document: Json): Json[] {
  if (typeof document !== 'object' || document === null) return [];
  try {
    return JSONPath({ path: compiled.rootedPath, json: document, wrap: true, eval: 'safe' }) as Json[];
  } catch (error) {
    throw runtimeError(`Invalid path '${compiled.source}' : ${(error as Error).message}`);
  }
}
