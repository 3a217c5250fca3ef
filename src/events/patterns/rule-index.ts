/**
 * An index over many compiled patterns, so that routing one event does not test every rule.
 *
 * Each branch of a rule is filed under one anchor (see anchors.ts): preferably a field it requires to equal
 * some exact strings (typically `source` or `detail-type`), else a field it requires to start with some
 * strings, else a field it requires to be present. Among equally selective anchors we take the one whose
 * buckets are emptiest so far, which spreads rules sharing a `source` over their more selective fields. An
 * event then fully tests only the rules found through its own values, plus rules with a branch that has no
 * anchor at all (every field optional).
 */
import { anchorOptions, PREFIX_KEY_LENGTH, type Anchor } from './anchors';
import { addRelevantPaths, flattenEvent, type FlatEvent } from './flatten';
import { matchesFlatEvent } from './match';
import type { CompiledPattern } from './validate';

interface Entry<T> {
  readonly id: string;
  readonly compiled: CompiledPattern;
  readonly value: T;
  readonly order: number;
  readonly anchors: readonly (Anchor | undefined)[];
  /** The routing pass that last considered this entry, so each entry is tested at most once per event. */
  seen: number;
}

type Buckets<T> = Map<string, Map<string, Entry<T>[]>>;

export class RuleIndex<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly exact: Buckets<T> = new Map();
  private readonly prefix: Buckets<T> = new Map();
  private readonly presence: Buckets<T> = new Map();
  private readonly unanchored: Entry<T>[] = [];
  private nextOrder = 0;
  private pass = 0;
  /** Paths any rule tests (with ancestors); rebuilt lazily after removals. */
  private relevant: Set<string> | undefined = new Set();

  get size(): number {
    return this.entries.size;
  }

  /** Adds or replaces the rule `id`. */
  add(id: string, compiled: CompiledPattern, value: T): void {
    this.remove(id);
    const anchors = compiled.branches.map((branch) => this.leastLoaded(anchorOptions(branch)));
    const entry: Entry<T> = { id, compiled, value, order: this.nextOrder++, anchors, seen: -1 };
    this.entries.set(id, entry);
    if (this.relevant) addRelevantPaths(pathsOf(compiled), this.relevant);
    for (const anchor of new Set(anchors)) {
      if (!anchor) this.unanchored.push(entry);
      else for (const bucket of this.bucketsOf(anchor, true)) bucket.push(entry);
    }
  }

  remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    this.relevant = undefined;
    for (const anchor of new Set(entry.anchors)) {
      const lists = anchor ? this.bucketsOf(anchor, false) : [this.unanchored];
      for (const list of lists) list.splice(list.indexOf(entry), 1);
    }
    return true;
  }

  /** The values of every rule the event matches, in the order the rules were added. */
  match(event: unknown): T[] {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) return [];
    const flat = flattenEvent(event as Record<string, unknown>, this.relevantPaths());
    const pass = ++this.pass;
    const matched: Entry<T>[] = [];
    const consider = (entries: readonly Entry<T>[] | undefined) => {
      if (!entries) return;
      for (const entry of entries) {
        if (entry.seen === pass) continue;
        entry.seen = pass;
        if (matchesFlatEvent(entry.compiled, flat)) matched.push(entry);
      }
    };
    this.visitCandidates(flat, consider);
    consider(this.unanchored);
    if (matched.length > 1) matched.sort((a, b) => a.order - b.order);
    return matched.map((entry) => entry.value);
  }

  private visitCandidates(flat: FlatEvent, consider: (entries: readonly Entry<T>[] | undefined) => void): void {
    for (const [path, byKey] of this.exact) {
      for (const leaf of flat.fields.get(path) ?? []) if (typeof leaf.value === 'string') consider(byKey.get(leaf.value));
    }
    for (const [path, byKey] of this.prefix) {
      for (const leaf of flat.fields.get(path) ?? []) {
        if (typeof leaf.value !== 'string') continue;
        const longest = Math.min(PREFIX_KEY_LENGTH, leaf.value.length);
        for (let length = 1; length <= longest; length++) consider(byKey.get(leaf.value.slice(0, length)));
      }
    }
    for (const [path, byKey] of this.presence) if (flat.fields.has(path)) consider(byKey.get(''));
  }

  private relevantPaths(): Set<string> {
    if (!this.relevant) {
      this.relevant = new Set();
      for (const entry of this.entries.values()) addRelevantPaths(pathsOf(entry.compiled), this.relevant);
    }
    return this.relevant;
  }

  private leastLoaded(options: Anchor[]): Anchor | undefined {
    let best: Anchor | undefined;
    let bestLoad = Infinity;
    for (const option of options) {
      if (best && best.kind !== option.kind) break;
      const load = this.bucketsOf(option, false).reduce((sum, list) => sum + list.length, 0);
      if (load < bestLoad) [best, bestLoad] = [option, load];
    }
    return best;
  }

  /** The entry lists an anchor files into; `create` makes missing ones. */
  private bucketsOf(anchor: Anchor, create: boolean): Entry<T>[][] {
    const table = anchor.kind === 'exact' ? this.exact : anchor.kind === 'prefix' ? this.prefix : this.presence;
    const keys = anchor.kind === 'presence' ? [''] : anchor.keys;
    let byKey = table.get(anchor.path);
    if (!byKey) {
      if (!create) return [];
      byKey = new Map();
      table.set(anchor.path, byKey);
    }
    const lists: Entry<T>[][] = [];
    for (const key of keys) {
      let list = byKey.get(key);
      if (!list && create) byKey.set(key, (list = []));
      if (list) lists.push(list);
    }
    return lists;
  }
}

function pathsOf(compiled: CompiledPattern): string[] {
  return compiled.branches.flatMap((branch) => branch.map((field) => field.path));
}
