/**
 * An index over many compiled patterns, so that routing one event does not test every rule.
 *
 * Each branch of a rule is filed in a KeyTrie under all the exact values it requires (`source`, `detail-type`,
 * a bucket name, a state machine ARN …, as many as fit), then its required prefixes; a branch with neither is
 * filed by the presence of a required field, and a branch requiring nothing is tested for every event. The
 * event is flattened once, into slots, over only the paths some rule tests; each branch the trie yields is then
 * tested on the fields its anchors did not already settle.
 */
import { chooseAnchors, type Anchor } from './anchors';
import { flattenInto, SlotEvent } from './flatten';
import { KeyNode, type SlotAnchor } from './key-trie';
import { bindPattern, branchHolds, unbindPattern, type BoundBranch } from './match';
import { PathTable } from './path-table';
import type { CompiledPattern } from './validate';

interface Entry<T> {
  readonly compiled: CompiledPattern;
  readonly value: T;
  readonly order: number;
  readonly filings: readonly Filing<T>[];
  /** The routing pass that last matched this entry, so that each entry is reported once per event. */
  matchedIn: number;
}

/** One branch of a rule as filed in the trie. */
interface Filing<T> {
  readonly entry: Entry<T>;
  readonly anchors: readonly SlotAnchor[];
  /** The anchors' paths, each holding a reference in the PathTable. */
  readonly anchorPaths: readonly string[];
  readonly branch: BoundBranch;
  /** The branch's fields less those its anchors settle. */
  readonly unsettled: BoundBranch;
}

export class RuleIndex<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly paths = new PathTable();
  private readonly trie = new KeyNode<Filing<T>>();
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
    const filings: Filing<T>[] = [];
    const entry: Entry<T> = { compiled, value, order: this.nextOrder++, filings, matchedIn: -1 };
    compiled.branches.forEach((fields, i) => {
      const anchors = chooseAnchors(fields);
      const settled = new Set(anchors.filter((a) => a.kind !== 'presence' && a.settles).map((a) => a.path));
      filings.push({
        entry,
        anchors: anchors.map((anchor) => this.slotAnchor(anchor)),
        anchorPaths: anchors.map((anchor) => anchor.path),
        branch: branches[i],
        unsettled: branches[i].filter(({ field }) => !settled.has(field.path)),
      });
    });
    this.entries.set(id, entry);
    this.slots.ensureSlots(this.paths.slots);
    for (const filing of filings) this.trie.insert(filing.anchors, filing);
  }

  remove(id: string): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    for (const filing of entry.filings) {
      this.trie.remove(filing.anchors, filing);
      for (const path of filing.anchorPaths) this.paths.release(path);
    }
    unbindPattern(entry.compiled, this.paths);
    return true;
  }

  /** The values of every rule the event matches, in the order the rules were added. */
  match(event: unknown): T[] {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) return [];
    const slots = this.slots;
    flattenInto(this.paths.root, event as Record<string, unknown>, slots);
    const candidates: Filing<T>[] = [];
    this.trie.collect(slots, candidates);
    const pass = ++this.pass;
    const matched: Entry<T>[] = [];
    for (const { entry, branch, unsettled } of candidates) {
      if (entry.matchedIn === pass || !branchHolds(branch, slots, unsettled)) continue;
      entry.matchedIn = pass;
      matched.push(entry);
    }
    slots.clear();
    if (matched.length > 1) matched.sort((a, b) => a.order - b.order);
    return matched.map((entry) => entry.value);
  }

  private slotAnchor(anchor: Anchor): SlotAnchor {
    return { kind: anchor.kind, slot: this.paths.acquire(anchor.path), keys: anchor.kind === 'presence' ? [''] : anchor.keys };
  }
}
