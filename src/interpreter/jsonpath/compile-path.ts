import { runtimeError } from '../../asl/errors';

/** The document a path starts from: `$` the state input, `$$` the context object, `$name` a variable. */
export type PathRoot = { kind: 'input' } | { kind: 'context' } | { kind: 'variable'; name: string };

/** A property name or an array index (negative counts from the end, as in Jayway). */
export type PathSegment = string | number;

export interface CompiledPath {
  source: string;
  root: PathRoot;
  /** The steps of a definite path; null when the path needs the general engine (wildcards, filters, slices, `..`). */
  segments: PathSegment[] | null;
  /** The same path with its root spelled `$`, for the general engine. */
  rootedPath: string;
}

const INPUT_ROOT: PathRoot = { kind: 'input' };
const CONTEXT_ROOT: PathRoot = { kind: 'context' };
/** Characters that make a dot-notation step something other than a plain property name. */
const NON_PLAIN_NAME = /[*()@?,:\s'"]/;
const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;

// Paths are compiled once: the interpreter evaluates the same few strings on every transition.
const cache = new Map<string, CompiledPath>();

export function compilePath(source: string): CompiledPath {
  let compiled = cache.get(source);
  if (!compiled) {
    compiled = parsePath(source);
    cache.set(source, compiled);
  }
  return compiled;
}

function parsePath(source: string): CompiledPath {
  if (!source.startsWith('$')) throw runtimeError(`Invalid path '${source}' : the path must start with '$'`);
  const { root, restStart } = parseRoot(source);
  const rest = source.slice(restStart);
  return { source, root, segments: parseDefiniteSteps(rest), rootedPath: '$' + rest };
}

function parseRoot(source: string): { root: PathRoot; restStart: number } {
  if (source.startsWith('$$')) return { root: CONTEXT_ROOT, restStart: 2 };
  if (source.length > 1 && IDENTIFIER_START.test(source[1])) {
    let end = 2;
    while (end < source.length && IDENTIFIER_PART.test(source[end])) end++;
    return { root: { kind: 'variable', name: source.slice(1, end) }, restStart: end };
  }
  return { root: INPUT_ROOT, restStart: 1 };
}

/** Splits `.a['b'][0]` into steps, or returns null when any step is not a plain name or index. */
function parseDefiniteSteps(rest: string): PathSegment[] | null {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < rest.length) {
    const step = rest[i] === '.' ? readDotStep(rest, i) : rest[i] === '[' ? readBracketStep(rest, i) : null;
    if (!step) return null;
    segments.push(step.segment);
    i = step.end;
  }
  return segments;
}

interface Step {
  segment: PathSegment;
  end: number;
}

function readDotStep(rest: string, start: number): Step | null {
  let end = start + 1;
  while (end < rest.length && rest[end] !== '.' && rest[end] !== '[') end++;
  const name = rest.slice(start + 1, end);
  if (name === '' || NON_PLAIN_NAME.test(name)) return null;
  return { segment: name, end };
}

function readBracketStep(rest: string, start: number): Step | null {
  const quote = rest[start + 1];
  if (quote === "'" || quote === '"') return readQuotedName(rest, start + 2, quote);
  const close = rest.indexOf(']', start);
  if (close < 0) return null;
  const index = rest.slice(start + 1, close);
  if (!/^-?\d+$/.test(index)) return null;
  return { segment: Number(index), end: close + 1 };
}

/** As in Jayway's bracket notation, a backslash escapes only the enclosing quote; any other backslash is the name's own. */
function readQuotedName(rest: string, start: number, quote: string): Step | null {
  let name = '';
  for (let i = start; i < rest.length; i++) {
    const char = rest[i];
    if (char === '\\' && rest[i + 1] === quote) {
      name += rest[++i];
    } else if (char === quote) {
      return rest[i + 1] === ']' ? { segment: name, end: i + 2 } : null;
    } else {
      name += char;
    }
  }
  return null;
}

/** Jayway's normalised spelling of a definite path, used in AWS's "Invalid path" causes: `$['a'][0]`. */
export function normalizedPath(segments: readonly PathSegment[], count = segments.length): string {
  let text = '$';
  for (let i = 0; i < count; i++) {
    const segment = segments[i];
    text += typeof segment === 'number' ? `[${segment}]` : `['${segment}']`;
  }
  return text;
}
