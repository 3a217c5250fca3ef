/**
 * Matching a compiled pattern against a flattened event. A branch holds when every field finds a matching value,
 * and the chosen values never come from different elements of the same array (AWS's array consistency).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html
 */
import { flattenInto, sameElements, SlotEvent } from './flatten';
import type { EventValue } from './matchers';
import { PathTable } from './path-table';
import type { CompiledPattern, FieldPattern } from './validate';

/** A field with the slot its path has in some PathTable. */
export interface BoundField {
  readonly field: FieldPattern;
  readonly slot: number;
}

export type BoundBranch = readonly BoundField[];

/** Binds every field of the pattern to a slot of `table`, taking a reference to each path. */
export function bindPattern(compiled: CompiledPattern, table: PathTable): BoundBranch[] {
  return compiled.branches.map((branch) => branch.map((field) => ({ field, slot: table.acquire(field.path) })));
}

/** Gives back the references `bindPattern` took. */
export function unbindPattern(compiled: CompiledPattern, table: PathTable): void {
  for (const branch of compiled.branches) for (const field of branch) table.release(field.path);
}

export function matchesSlots(branches: readonly BoundBranch[], event: SlotEvent): boolean {
  for (const branch of branches) if (branchHolds(branch, event)) return true;
  return false;
}

/**
 * Whether one branch holds. `unsettled` may leave out fields the caller already knows hold, which is enough when
 * no leaf sits in an array of objects; otherwise every field takes part in choosing consistent array elements.
 */
export function branchHolds(branch: BoundBranch, event: SlotEvent, unsettled: BoundBranch = branch): boolean {
  return event.hasElements ? holdsConsistently(branch, event, 0, []) : holdsIndependently(unsettled, event);
}

interface LonePattern {
  readonly table: PathTable;
  readonly branches: BoundBranch[];
  /** Reused from call to call: matching never runs re-entrantly. */
  readonly slots: SlotEvent;
}

/** A lone pattern's own table, made once per compiled pattern. */
const lonePatterns = new WeakMap<CompiledPattern, LonePattern>();

export function matchesEvent(compiled: CompiledPattern, event: Record<string, unknown>): boolean {
  let bound = lonePatterns.get(compiled);
  if (bound === undefined) {
    const table = new PathTable();
    const branches = bindPattern(compiled, table);
    bound = { table, branches, slots: new SlotEvent(table.slots) };
    lonePatterns.set(compiled, bound);
  }
  flattenInto(bound.table.root, event, bound.slots);
  return matchesSlots(bound.branches, bound.slots);
}

/** Without arrays of objects every field can be decided on its own. */
function holdsIndependently(branch: BoundBranch, event: SlotEvent): boolean {
  for (let f = 0; f < branch.length; f++) {
    const { field, slot } = branch[f];
    const count = event.counts[slot];
    if (count === 0) {
      if (!field.allowsAbsence) return false;
    } else if (!someValueAccepted(field, event.values[slot], count)) {
      return false;
    }
  }
  return true;
}

function someValueAccepted(field: FieldPattern, values: readonly EventValue[], count: number): boolean {
  const accepts = field.accepts;
  for (let i = 0; i < count; i++) if (accepts(values[i])) return true;
  return false;
}

/** Depth-first over the fields, choosing for each a value whose array elements agree with those chosen so far. */
function holdsConsistently(branch: BoundBranch, event: SlotEvent, index: number, chosen: (readonly number[] | undefined)[]): boolean {
  if (index === branch.length) return true;
  const { field, slot } = branch[index];
  const count = event.counts[slot];
  if (count === 0) return field.allowsAbsence && holdsConsistently(branch, event, index + 1, chosen);
  const values = event.values[slot];
  const elements = event.elements[slot];
  for (let i = 0; i < count; i++) {
    if (!field.accepts(values[i]) || !agreesWithAll(elements[i], chosen)) continue;
    chosen.push(elements[i]);
    const holds = holdsConsistently(branch, event, index + 1, chosen);
    chosen.pop();
    if (holds) return true;
  }
  return false;
}

function agreesWithAll(elements: readonly number[] | undefined, chosen: readonly (readonly number[] | undefined)[]): boolean {
  for (const other of chosen) if (!sameElements(other, elements)) return false;
  return true;
}
