/**
 * An index over many compiled patterns, so that routing one event does not test every rule.
 *
 * Each branch of a rule is filed in a KeyTrie under all the exact values it requires (`source`, `detail-type`,
 * a bucket name, a state machine ARN …, as many as fit), then its required prefixes; a branch with neither is
 * filed by the presence of a required field, and a branch requiring nothing is tested for every event. The
 * event is flattened once, into slots, over only the paths some rule tests; the rules the trie yields are then
 * tested in full against those slots.
 */
import { chooseAnchors } from './anchors';
import { flattenInto, SlotEvent } from './flatten';
import { KeyNode, type SlotAnchor } from './key-trie';
import { bindPattern, matchesSlots, unbindPattern, type BoundBranch } from './match';
import { PathTable } from './path-table';
import type { CompiledPattern } from './validate';

interface Entry<T> {
  readonly compiled: CompiledPattern;
  readonly value: T;
  readonly order: number;
  readonly branches: readonly BoundBranch[];
  /** Per branch, the anchors it is filed under. */
  readonly anchors: readonly (readonly SlotAnchor[])[];
  /** The routing pass that last tested this entry, so each entry is tested at most once per event. */
  seen: number;
}

export class RuleIndex<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly paths = new PathTable();
  private readonly trie = new KeyNode<Entry<T>>();
  /** Reused by every `match` (which never runs re-entrantly) to keep routing free of per-event allocation. */
  private readonly slots = new SlotEvent();
  private nextOrder = 0;
  private pass = 0;

  get size(): number {
    return this.entries.size;
  }

  /** Adds or replaces the rule `id`. */
  add(id: string, compiled: CompiledPattern, value: T): void {
    this.remove(id);
    const branches = bindPattern(compiled, this.paths);
    const anchors = compiled.branches.map((branch) => chooseAnchors(branch).map((anchor): SlotAnchor => ({
      kind: anchor.kind,
      slot: this.paths.acquire(anchor.path),
      keys: anchor.kind === 'presence' ? [''] : anchor.keys,
    })));
    const entry: Entry<T> = { compiled, value, order: this.nextOrder++, branches, anchors, seen: -1 };
    this.entries.set(id, entry);
    this.slots.ensureSlots(this.paths.slots);
    for (const branchAnchors of anchors) this.trie.insert(branchAnchors, entry);
  }

  remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    for (const branchAnchors of entry.anchors) this.trie.remove(branchAnchors, entry);
    unbindPattern(entry.compiled, this.paths);
    for (const branch of entry.compiled.branches) for (const anchor of chooseAnchors(branch)) this.paths.release(anchor.path);
    return true;
  }

  /** The values of every rule the event matches, in the order the rules were added. */
  match(event: unknown): T[] {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) return [];
    const slots = this.slots;
    flattenInto(this.paths.root, event as Record<string, unknown>, slots);
    const candidates: Entry<T>[] = [];
    this.trie.collect(slots, candidates);
    const pass = ++this.pass;
    const matched: Entry<T>[] = [];
    for (const entry of candidates) {
      if (entry.seen === pass) continue;
      entry.seen = pass;
      if (matchesSlots(entry.branches, slots)) matched.push(entry);
    }
    slots.clear();
    if (matched.length > 1) matched.sort((a, b) => a.order - b.order);
    return matched.map((entry) => entry.value);
  }
}
