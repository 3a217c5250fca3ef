/**
 * Matching a compiled pattern against a flattened event. A branch holds when every field finds a matching value,
 * and the chosen values never come from different elements of the same array (AWS's array consistency).
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns-arrays.html
 */
import { flattenEvent, sameElements, type FlatEvent, type Leaf } from './flatten';
import { matchesValue } from './matchers';
import type { Branch, CompiledPattern, FieldPattern } from './validate';

export function matchesFlatEvent(compiled: CompiledPattern, event: FlatEvent): boolean {
  return compiled.branches.some((branch) => branchHolds(branch, event, 0, []));
}

export function matchesEvent(compiled: CompiledPattern, event: Record<string, unknown>): boolean {
  return matchesFlatEvent(compiled, flattenEvent(event));
}

function branchHolds(branch: Branch, event: FlatEvent, index: number, chosen: Leaf[]): boolean {
  if (index === branch.length) return true;
  const field = branch[index];
  const leaves = event.get(field.path);
  if (!leaves) return field.allowsAbsence && branchHolds(branch, event, index + 1, chosen);
  for (const leaf of leaves) {
    if (!acceptsLeaf(field, leaf) || !chosen.every((other) => sameElements(other.elements, leaf.elements))) continue;
    chosen.push(leaf);
    const holds = branchHolds(branch, event, index + 1, chosen);
    chosen.pop();
    if (holds) return true;
  }
  return false;
}

function acceptsLeaf(field: FieldPattern, leaf: Leaf): boolean {
  for (const matcher of field.matchers) if (matchesValue(matcher, leaf.value)) return true;
  return false;
}
