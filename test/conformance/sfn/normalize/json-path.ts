/**
 * The JSONPath subset the corpus' transformers use (`$..a`, `$..a..b`, `$..a.b.c`, `$.a[*].b`, `[n]`,
 * `['a']`), with jsonpath_ng's semantics: `..name` matches `name` on the node itself and on every
 * descendant, visiting a node before its children and dict members in key order; a field step only
 * matches an existing key of a dict.
 */
import { UnsupportedNormalizationError } from './errors';

type Step =
  | { kind: 'child'; name: string }
  | { kind: 'descendant'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'index'; index: number };

/** Where a match lives, so that it can be read and replaced. */
export interface PathMatch {
  parent: Record<string, unknown> | unknown[];
  key: string | number;
  value: unknown;
}

const STEP = /^(?:\.\.([\w@-]+)|\.([\w@-]+)|\.\*|\[\*\]|\[(\d+)\]|\[['"]([^'"]+)['"]\])/;

export function parseJsonPath(path: string): Step[] {
  if (!path.startsWith('$')) throw new UnsupportedNormalizationError(path, 'JSONPath must start with $');
  const steps: Step[] = [];
  let rest = path.slice(1);
  while (rest !== '') {
    const match = STEP.exec(rest);
    if (!match) throw new UnsupportedNormalizationError(path, `unsupported JSONPath syntax at '${rest}'`);
    const [text, descendant, child, index, quoted] = match;
    if (descendant !== undefined) steps.push({ kind: 'descendant', name: descendant });
    else if (child !== undefined || quoted !== undefined) steps.push({ kind: 'child', name: (child ?? quoted)! });
    else if (index !== undefined) steps.push({ kind: 'index', index: Number(index) });
    else steps.push({ kind: 'wildcard' });
    rest = rest.slice(text.length);
  }
  return steps;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldMatch(node: unknown, name: string): PathMatch[] {
  return isRecord(node) && Object.hasOwn(node, name) ? [{ parent: node, key: name, value: node[name] }] : [];
}

function descendantMatches(node: unknown, name: string): PathMatch[] {
  const found = fieldMatch(node, name);
  const children = Array.isArray(node) ? node : isRecord(node) ? Object.values(node) : [];
  for (const child of children) found.push(...descendantMatches(child, name));
  return found;
}

function applyStep(node: unknown, step: Step): PathMatch[] {
  switch (step.kind) {
    case 'child':
      return fieldMatch(node, step.name);
    case 'descendant':
      return descendantMatches(node, step.name);
    case 'index':
      return Array.isArray(node) && step.index < node.length ? [{ parent: node, key: step.index, value: node[step.index] }] : [];
    case 'wildcard':
      if (Array.isArray(node)) return node.map((value, key) => ({ parent: node, key, value }));
      return isRecord(node) ? Object.entries(node).map(([key, value]) => ({ parent: node, key, value })) : [];
  }
}

/** Every match of `path` in `root`, in jsonpath_ng's order (duplicates kept, as jsonpath_ng keeps them). */
export function findJsonPath(root: unknown, path: string): PathMatch[] {
  const steps = parseJsonPath(path);
  if (steps.length === 0) throw new UnsupportedNormalizationError(path, 'the root itself cannot be matched');
  let matches: PathMatch[] = [];
  let nodes: unknown[] = [root];
  for (const step of steps) {
    matches = nodes.flatMap((node) => applyStep(node, step));
    nodes = matches.map((match) => match.value);
  }
  return matches;
}

/** Sets every match of `path` to `replacement` (jsonpath_ng `update`). */
export function updateJsonPath(root: unknown, path: string, replacement: unknown): void {
  for (const { parent, key } of findJsonPath(root, path)) {
    (parent as Record<string | number, unknown>)[key] = replacement;
  }
}
