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

export type FlatEvent = ReadonlyMap<string, readonly Leaf[]>;

export function flattenEvent(event: Record<string, unknown>): FlatEvent {
  const fields = new Map<string, Leaf[]>();
  let nextArrayId = 0;

  const add = (path: string, leaf: Leaf) => {
    const leaves = fields.get(path);
    if (leaves) leaves.push(leaf);
    else fields.set(path, [leaf]);
  };

  const visit = (path: string, value: unknown, elements: number[] | undefined): void => {
    if (Array.isArray(value)) {
      const arrayId = nextArrayId++;
      value.forEach((item, index) => {
        const nested = item !== null && typeof item === 'object';
        visit(path, item, nested ? [...(elements ?? []), arrayId, index] : elements);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) visit(`${path}.${key}`, (value as Record<string, unknown>)[key], elements);
    } else {
      add(path, { value: value as EventValue, elements });
    }
  };

  for (const key of Object.keys(event)) visit(key, event[key], undefined);
  return fields;
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
