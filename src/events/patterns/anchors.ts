/**
 * Anchors: what a branch of a pattern requires of an event that can be looked up rather than tested.
 * `exact` — a field must equal one of some strings; `prefix` — it must start with one of some strings;
 * `presence` — it must have some value at all. A branch is filed under a sequence of anchors (a path in the
 * KeyTrie), so that an event reaches it only when it has every anchored value.
 */
import type { Branch, FieldPattern } from './validate';

export type Anchor =
  | {
    readonly kind: 'exact' | 'prefix';
    readonly path: string;
    readonly keys: readonly string[];
    /**
     * Whether reaching the branch through one of the keys proves the field holds: true for exact values and for
     * prefixes only, not for a prefix list with exact values (a value merely starting with one may differ).
     */
    readonly settles: boolean;
  }
  | { readonly kind: 'presence'; readonly path: string };

/**
 * A branch is filed once per combination of its anchors' keys; beyond this many combinations further anchors
 * cost more memory than the lookups they save.
 */
export const MAX_KEY_COMBINATIONS = 16;

/**
 * The anchors to file a branch under: as many exact fields as fit within MAX_KEY_COMBINATIONS, then prefix
 * fields, each group in path order so that rules over the same fields share trie nodes. A branch with neither
 * is filed by the presence of one required field; a branch requiring nothing gets no anchor.
 */
export function chooseAnchors(branch: Branch): Anchor[] {
  const required = branch.filter((field) => !field.allowsAbsence).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const candidates = required.map(lookupAnchor).filter((a): a is Anchor => a !== undefined);
  const ordered = [...candidates.filter((a) => a.kind === 'exact'), ...candidates.filter((a) => a.kind === 'prefix')];
  const chosen: Anchor[] = [];
  let combinations = 1;
  for (const anchor of ordered) {
    const keys = anchor.kind === 'presence' ? 1 : anchor.keys.length;
    if (chosen.length > 0 && combinations * keys > MAX_KEY_COMBINATIONS) continue;
    chosen.push(anchor);
    combinations *= keys;
  }
  if (chosen.length === 0 && required.length > 0) chosen.push({ kind: 'presence', path: required[0].path });
  return chosen;
}

/** An exact anchor when every matcher is an exact string, a prefix anchor when some are case-sensitive prefixes. */
function lookupAnchor(field: FieldPattern): Anchor | undefined {
  const keys = new Set<string>();
  let exact = 0;
  let prefixes = 0;
  for (const matcher of field.matchers) {
    if (matcher.kind === 'exact-string') exact++;
    else if (matcher.kind === 'prefix' && !matcher.ignoreCase) prefixes++;
    else return undefined;
    // An exact value is also a prefix of itself, so a mixed list can still be looked up by prefix.
    keys.add(matcher.value);
  }
  return { kind: prefixes === 0 ? 'exact' : 'prefix', path: field.path, keys: [...keys], settles: exact === 0 || prefixes === 0 };
}
