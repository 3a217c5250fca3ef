/**
 * Flattens an event into its leaf values by dotted path, as AWS matches them: `{"a": {"b": 1}}` and
 * `{"a.b": 1}` both give `a.b`, arrays contribute each element under the array's own path, and objects and
 * empty arrays contribute nothing themselves. Only paths of a PathTable are visited, and leaves land in the
 * slots of their paths; a SlotEvent is reused from event to event so that routing allocates little.
 */
import type { EventValue } from './matchers';
import type { PathNode } from './path-table';

/**
 * The leaves of one event by slot: `values[slot][i]` for `i < counts[slot]` (the arrays are reused, so they may
 * hold older values past the count). `elements[slot][i]` tells, for that leaf, each array of objects (or arrays)
 * it sits in as `[arrayId, index, arrayId, index, …]`; AWS only matches fields of one array element together.
 */
export class SlotEvent {
  readonly counts: number[] = [];
  readonly values: EventValue[][] = [];
  readonly elements: (readonly number[] | undefined)[][] = [];
  /** False when no leaf sits inside an array of objects, so no consistency check is needed. */
  hasElements = false;
  nextArrayId = 0;
  /** The slots filled since the last clear: `filled[0 … filledCount)`. */
  private readonly filled: number[] = [];
  private filledCount = 0;

  constructor(slots = 0) {
    this.ensureSlots(slots);
  }

  ensureSlots(slots: number): void {
    while (this.values.length < slots) {
      this.counts.push(0);
      this.values.push([]);
      this.elements.push([]);
    }
  }

  add(slot: number, value: EventValue, elements: readonly number[] | undefined): void {
    const count = this.counts[slot]++;
    if (count === 0) this.filled[this.filledCount++] = slot;
    this.values[slot][count] = value;
    this.elements[slot][count] = elements;
    if (elements !== undefined) this.hasElements = true;
  }

  /** Empties the slots filled so far. */
  clear(): void {
    const { filled, counts } = this;
    for (let i = 0; i < this.filledCount; i++) counts[filled[i]] = 0;
    this.filledCount = 0;
    this.hasElements = false;
    this.nextArrayId = 0;
  }
}

/** Clears `into` and fills it with the event's leaves on the table's paths. */
export function flattenInto(root: PathNode, event: Record<string, unknown>, into: SlotEvent): void {
  into.clear();
  visitObject(into, root, event, undefined);
}

function visitObject(into: SlotEvent, node: PathNode, object: Record<string, unknown>, elements: number[] | undefined): void {
  for (const key in object) {
    const child = node.child(key);
    if (child !== undefined && Object.hasOwn(object, key)) visit(into, child, object[key], elements);
  }
}

function visit(into: SlotEvent, node: PathNode, value: unknown, elements: number[] | undefined): void {
  if (Array.isArray(value)) {
    const arrayId = into.nextArrayId++;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const nested = item !== null && typeof item === 'object';
      visit(into, node, item, nested ? [...(elements ?? []), arrayId, index] : elements);
    }
  } else if (value !== null && typeof value === 'object') {
    visitObject(into, node, value as Record<string, unknown>, elements);
  } else if (node.slot >= 0) {
    into.add(node.slot, value as EventValue, elements);
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
