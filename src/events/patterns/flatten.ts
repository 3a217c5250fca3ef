/**
 * Flattens an event into its leaf values by dotted path, as AWS matches them: `{"a": {"b": 1}}` and
 * `{"a.b": 1}` both give `a.b`, arrays contribute each element under the array's own path, and objects and
 * empty arrays contribute nothing themselves.
 */
import type { EventValue } from './matchers';

/**
 * A leaf value. `elements` lists, for each array of objects (or arrays) the leaf sits in, the array's id and the
 * element's index, flattened as `[id, index, id, index, …]`; AWS only matches fields of one array element together.
 */
export interface Leaf {
  readonly value: EventValue;
  readonly elements: readonly number[] | undefined;
}

export interface FlatEvent {
  readonly fields: ReadonlyMap<string, readonly Leaf[]>;
  /** False when no leaf sits inside an array of objects, so no consistency check is needed. */
  readonly hasElements: boolean;
}

/**
 * @param relevant when given, only paths in this set (and their leaves) are visited: the dotted paths a rule set
 *   tests and every ancestor of them. Routing uses it to skip the parts of an event no rule looks at.
 */
export function flattenEvent(event: Record<string, unknown>, relevant?: ReadonlySet<string>): FlatEvent {
  const state: FlattenState = { fields: new Map(), nextArrayId: 0, hasElements: false, relevant };
  for (const key of Object.keys(event)) visit(state, key, event[key], undefined);
  return { fields: state.fields, hasElements: state.hasElements };
}

interface FlattenState {
  readonly fields: Map<string, Leaf[]>;
  nextArrayId: number;
  hasElements: boolean;
  readonly relevant: ReadonlySet<string> | undefined;
}

function visit(state: FlattenState, path: string, value: unknown, elements: number[] | undefined): void {
  if (state.relevant !== undefined && !state.relevant.has(path)) return;
  if (Array.isArray(value)) {
    const arrayId = state.nextArrayId++;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const nested = item !== null && typeof item === 'object';
      visit(state, path, item, nested ? [...(elements ?? []), arrayId, index] : elements);
    }
  } else if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) visit(state, path + '.' + key, object[key], elements);
  } else {
    if (elements) state.hasElements = true;
    const leaves = state.fields.get(path);
    const leaf: Leaf = { value: value as EventValue, elements };
    if (leaves) leaves.push(leaf);
    else state.fields.set(path, [leaf]);
  }
}

/** Every path a compiled pattern tests, with all their dotted ancestors (`detail`, `detail.object`, …). */
export function addRelevantPaths(paths: Iterable<string>, into: Set<string>): void {
  for (const path of paths) {
    for (let dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) into.add(path.slice(0, dot));
    into.add(path);
  }
}

/** Whether two leaves can come from the same elements of every array they share. */
export function sameElements(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (!a || !b) return true;
  for (let i = 0; i < a.length; i += 2) {
    for (let j = 0; j < b.length; j += 2) {
      if (a[i] === b[j] && a[i + 1] !== b[j + 1]) return false;
    }
  }
  return true;
}
