/**
 * Anchors: what a branch of a pattern requires of an event that can be looked up rather than tested.
 * `exact` — the field must equal one of some strings; `prefix` — it must start with one of some strings (we
 * file it under their first PREFIX_KEY_LENGTH characters); `presence` — it must have some value at all.
 */
import type { Branch } from './validate';

export type Anchor =
  | { kind: 'exact'; path: string; keys: readonly string[] }
  | { kind: 'prefix'; path: string; keys: readonly string[] }
  | { kind: 'presence'; path: string };

export const PREFIX_KEY_LENGTH = 4;

/** Every anchor the branch offers, most selective kinds first. */
export function anchorOptions(branch: Branch): Anchor[] {
  const exact: Anchor[] = [];
  const prefix: Anchor[] = [];
  const presence: Anchor[] = [];
  for (const field of branch) {
    if (field.allowsAbsence) continue;
    presence.push({ kind: 'presence', path: field.path });
    const starts: string[] = [];
    let allExact = true;
    for (const matcher of field.matchers) {
      if (matcher.kind === 'exact-string') starts.push(matcher.value);
      else if (matcher.kind === 'prefix' && !matcher.ignoreCase) {
        starts.push(matcher.value);
        allExact = false;
      } else {
        allExact = false;
        starts.length = 0;
        break;
      }
    }
    if (starts.length === 0) continue;
    if (allExact) exact.push({ kind: 'exact', path: field.path, keys: starts });
    else if (starts.every((s) => s.length > 0)) {
      prefix.push({ kind: 'prefix', path: field.path, keys: [...new Set(starts.map((s) => s.slice(0, PREFIX_KEY_LENGTH)))] });
    }
  }
  return [...exact, ...prefix, ...presence];
}
