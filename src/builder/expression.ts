/**
 * The expression IR the builder records from accessor functions, independent of query language:
 * the renderer turns it into JSONata (`{% %}`) or JSONPath (`.$` keys).
 *
 * Accessor functions such as `(s) => ({ bucket: s.input.dataset.bucket })` run once, at build time,
 * against recording proxies: each property read extends a path, so the function's return value is a
 * template whose leaves are literals or paths. The proxies are typed as the payload, which is what
 * makes a wrong field a compile error.
 */
import type { Json } from '../asl/json';
import { BuilderError } from './builder-error';

/** Where a path starts: `$states.input`, `$states.result`, a variable, `$states.context`, `$states.errorOutput`. */
export type PathRoot = 'input' | 'result' | 'variable' | 'context' | 'errorOutput';

export interface PathExpression {
  kind: 'path';
  root: PathRoot;
  /** For `variable`, the first segment is the variable's name. */
  segments: readonly (string | number)[];
}

/** A raw JSONata expression written with the {@link jsonata} tag; its holes are templates. */
export interface JsonataExpression {
  kind: 'jsonata';
  strings: readonly string[];
  holes: readonly Template[];
}

export type Template =
  | { kind: 'literal'; value: Json }
  | PathExpression
  | JsonataExpression
  | { kind: 'object'; fields: Readonly<Record<string, Template>> }
  | { kind: 'array'; items: readonly Template[] };

const PATH = Symbol('statecraft.path');

/** A proxy that records the property reads made on it as a path. */
export function recordingProxy(root: PathRoot, segments: readonly (string | number)[] = []): unknown {
  const path: PathExpression = { kind: 'path', root, segments };
  return new Proxy(Object.create(null) as object, {
    get(_target, property) {
      if (property === PATH) return path;
      if (property === Symbol.toPrimitive) return refuseArithmetic(path);
      if (typeof property === 'symbol') return undefined;
      const segment = /^(0|[1-9]\d*)$/.test(property) ? Number(property) : property;
      return recordingProxy(root, [...segments, segment]);
    },
  });
}

/** Accessors run once at build time, so `s.input.k + 1` cannot compute anything: say so loudly. */
function refuseArithmetic(path: PathExpression): () => never {
  return () => {
    throw new BuilderError(
      `the path ${describePath(path)} is used in an operator or string; accessors may only select fields — write jsonata\`…\` for computed values`,
    );
  };
}

/**
 * The path whose length `path` asks for, when its last segment is `length`: typed as a number on
 * arrays and strings, but no query language reads it as a field (`$states.input.items.length` is
 * nothing at run time), so the renderers have to compute it. A field named `length` on an object
 * also ends this way; the JSONata rendering keeps reading it as a field.
 */
export function lengthOf(path: PathExpression): PathExpression | undefined {
  const named = path.root === 'variable' ? 1 : 0;
  if (path.segments.length <= named || path.segments[path.segments.length - 1] !== 'length') return undefined;
  return { ...path, segments: path.segments.slice(0, -1) };
}

export function describePath(path: PathExpression): string {
  return [path.root, ...path.segments].join('.');
}

export function pathOf(value: unknown): PathExpression | undefined {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return undefined;
  return (value as { [PATH]?: PathExpression })[PATH];
}

class JsonataFragment {
  constructor(readonly expression: JsonataExpression) {}
}

/**
 * A JSONata expression whose holes are accessor paths (or literals), typed as `T`.
 * JSONata mode only; the renderer rejects it in JSONPath mode.
 * @example output: (s) => ({ folds: jsonata<number>`$count(${s.input.folds})` })
 */
export function jsonata<T = unknown>(strings: TemplateStringsArray, ...holes: unknown[]): T {
  const expression: JsonataExpression = {
    kind: 'jsonata',
    strings: [...strings],
    holes: holes.map((hole, index) => toTemplate(hole, `jsonata hole ${index}`)),
  };
  return new JsonataFragment(expression) as T;
}

/** The template an accessor's return value stands for. `where` names the option for error messages. */
export function toTemplate(value: unknown, where: string): Template {
  const path = pathOf(value);
  if (path) return path;
  if (value instanceof JsonataFragment) return value.expression;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { kind: 'literal', value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new BuilderError(`${where}: ${value} is not a JSON number`);
    return { kind: 'literal', value };
  }
  if (Array.isArray(value)) return { kind: 'array', items: value.map((item, i) => toTemplate(item, `${where}[${i}]`)) };
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const fields: Record<string, Template> = {};
    for (const [key, field] of Object.entries(value)) {
      if (field !== undefined) fields[key] = toTemplate(field, `${where}.${key}`);
    }
    return { kind: 'object', fields };
  }
  throw new BuilderError(`${where}: a ${typeof value} cannot appear in a state definition`);
}
