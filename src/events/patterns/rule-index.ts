/**
 * An index over many compiled patterns, so that routing one event does not test every rule.
 *
 * Each rule is filed under one "anchor": a field that every branch of the rule requires to equal one of a few
 * exact strings (typically `source` or `detail-type`). Among a rule's possible anchors we pick the one whose
 * buckets are emptiest so far, which spreads rules that share a `source` across their more selective fields.
 * An event then only tests the rules filed under its own values of the anchored fields, plus the rules that
 * have no anchor at all.
 */
import { flattenEvent } from './flatten';
import { matchesFlatEvent } from './match';
import type { Branch, CompiledPattern } from './validate';

interface Entry<T> {
  readonly id: string;
  readonly compiled: CompiledPattern;
  readonly value: T;
  readonly order: number;
  readonly anchor: Anchor | undefined;
}

interface Anchor {
  readonly path: string;
  readonly values: readonly string[];
}

export class RuleIndex<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /** path → exact value → rule ids filed there */
  private readonly buckets = new Map<string, Map<string, Set<string>>>();
  private readonly unanchored = new Set<string>();
  private nextOrder = 0;

  get size(): number {
    return this.entries.size;
  }

  /** Adds or replaces the rule `id`. */
  add(id: string, compiled: CompiledPattern, value: T): void {
    this.remove(id);
    const anchor = this.chooseAnchor(compiled);
    this.entries.set(id, { id, compiled, value, order: this.nextOrder++, anchor });
    if (!anchor) {
      this.unanchored.add(id);
      return;
    }
    const byValue = this.buckets.get(anchor.path) ?? new Map<string, Set<string>>();
    this.buckets.set(anchor.path, byValue);
    for (const exact of anchor.values) {
      const ids = byValue.get(exact) ?? new Set<string>();
      byValue.set(exact, ids.add(id));
    }
  }

  remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    this.unanchored.delete(id);
    if (entry.anchor) {
      const byValue = this.buckets.get(entry.anchor.path);
      for (const exact of entry.anchor.values) byValue?.get(exact)?.delete(id);
    }
    return true;
  }

  /** The values of every rule the event matches, in the order the rules were added. */
  match(event: unknown): T[] {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) return [];
    const flat = flattenEvent(event as Record<string, unknown>);
    const candidates = new Set<string>(this.unanchored);
    for (const [path, byValue] of this.buckets) {
      for (const leaf of flat.get(path) ?? []) {
        if (typeof leaf.value !== 'string') continue;
        for (const id of byValue.get(leaf.value) ?? []) candidates.add(id);
      }
    }
    const matched: Entry<T>[] = [];
    for (const id of candidates) {
      const entry = this.entries.get(id) as Entry<T>;
      if (matchesFlatEvent(entry.compiled, flat)) matched.push(entry);
    }
    return matched.sort((a, b) => a.order - b.order).map((entry) => entry.value);
  }

  private chooseAnchor(compiled: CompiledPattern): Anchor | undefined {
    const options = commonExactFields(compiled.branches);
    let best: Anchor | undefined;
    let bestLoad = Infinity;
    for (const option of options) {
      const byValue = this.buckets.get(option.path);
      const load = option.values.reduce((sum, v) => sum + (byValue?.get(v)?.size ?? 0), 0);
      if (load < bestLoad) {
        best = option;
        bestLoad = load;
      }
    }
    return best;
  }
}

/**
 * Fields that every branch requires to equal one of some exact strings, with the union of those strings.
 * Such a field can only be satisfied by an event carrying one of the strings at that path.
 */
function commonExactFields(branches: readonly Branch[]): Anchor[] {
  const perBranch = branches.map(exactFieldsOf);
  const [first, ...rest] = perBranch;
  if (!first) return [];
  const anchors: Anchor[] = [];
  for (const [path, values] of first) {
    if (!rest.every((fields) => fields.has(path))) continue;
    const union = new Set(values);
    for (const fields of rest) for (const v of fields.get(path) ?? []) union.add(v);
    anchors.push({ path, values: [...union] });
  }
  return anchors;
}

function exactFieldsOf(branch: Branch): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const field of branch) {
    const values: string[] = [];
    for (const matcher of field.matchers) {
      if (matcher.kind !== 'exact-string') break;
      values.push(matcher.value);
    }
    if (values.length === field.matchers.length) fields.set(field.path, values);
  }
  return fields;
}
