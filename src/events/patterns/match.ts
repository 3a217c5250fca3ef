/**
 * Matching a compiled pattern against a flattened event. A branch holds when every field finds a matching value,
 * and the chosen values never come from different elements of the same array (AWS's array consistency).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html
 */
import { flattenEvent, sameElements, type FlatEvent, type Leaf } from './flatten';
import type { Branch, CompiledPattern, FieldPattern } from './validate';

export function matchesFlatEvent(compiled: CompiledPattern, event: FlatEvent): boolean {
  for (const branch of compiled.branches) {
    if (event.hasElements ? holdsConsistently(branch, event, 0, []) : holdsIndependently(branch, event)) return true;
  }
  return false;
}

export function matchesEvent(compiled: CompiledPattern, event: Record<string, unknown>): boolean {
  return matchesFlatEvent(compiled, flattenEvent(event));
}

/** Without arrays of objects every field can be decided on its own. */
function holdsIndependently(branch: Branch, event: FlatEvent): boolean {
  for (const field of branch) {
    const leaves = event.fields.get(field.path);
    if (!leaves) {
      if (!field.allowsAbsence) return false;
    } else if (!someLeafAccepted(field, leaves)) {
      return false;
    }
  }
  return true;
}

function someLeafAccepted(field: FieldPattern, leaves: readonly Leaf[]): boolean {
  for (const leaf of leaves) if (field.accepts(leaf.value)) return true;
  return false;
}

function holdsConsistently(branch: Branch, event: FlatEvent, index: number, chosen: Leaf[]): boolean {
  if (index === branch.length) return true;
  const field = branch[index];
  const leaves = event.fields.get(field.path);
  if (!leaves) return field.allowsAbsence && holdsConsistently(branch, event, index + 1, chosen);
  for (const leaf of leaves) {
    if (!field.accepts(leaf.value) || !chosen.every((other) => sameElements(other.elements, leaf.elements))) continue;
    chosen.push(leaf);
    const holds = holdsConsistently(branch, event, index + 1, chosen);
    chosen.pop();
    if (holds) return true;
  }
  return false;
}
