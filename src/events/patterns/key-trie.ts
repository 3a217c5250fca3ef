/**
 * A trie of anchored values. Each edge reads one slot of the event (exact value, value prefix, or mere presence);
 * an entry filed under anchors `a1 … an` sits at the node those anchors' keys lead to, so an event collects only
 * entries whose every anchor it satisfies, whatever the number of rules sharing a common value like `source`.
 */
import type { SlotEvent } from './flatten';

export type Kind = 'exact' | 'prefix' | 'presence';

/** An anchor with its path resolved to a slot; presence has the single key ''. */
export interface SlotAnchor {
  readonly kind: Kind;
  readonly slot: number;
  readonly keys: readonly string[];
}

interface Edge<E> {
  readonly kind: Kind;
  readonly slot: number;
  readonly children: Map<string, KeyNode<E>>;
  /** Prefix edges: the distinct key lengths, ascending, so a value is looked up once per length. */
  lengths: number[];
}

export class KeyNode<E> {
  readonly entries: E[] = [];
  readonly edges: Edge<E>[] = [];

  get isEmpty(): boolean {
    return this.entries.length === 0 && this.edges.length === 0;
  }

  insert(anchors: readonly SlotAnchor[], entry: E, depth = 0): void {
    if (depth === anchors.length) {
      this.entries.push(entry);
      return;
    }
    const anchor = anchors[depth];
    let edge = this.edgeFor(anchor);
    if (edge === undefined) this.edges.push((edge = { kind: anchor.kind, slot: anchor.slot, children: new Map(), lengths: [] }));
    for (const key of anchor.keys) {
      let child = edge.children.get(key);
      if (child === undefined) {
        edge.children.set(key, (child = new KeyNode()));
        if (edge.kind === 'prefix' && !edge.lengths.includes(key.length)) edge.lengths = insertSorted(edge.lengths, key.length);
      }
      child.insert(anchors, entry, depth + 1);
    }
  }

  /** Removes an entry filed under the same anchors, pruning nodes and edges left empty. */
  remove(anchors: readonly SlotAnchor[], entry: E, depth = 0): void {
    if (depth === anchors.length) {
      const at = this.entries.indexOf(entry);
      if (at >= 0) this.entries.splice(at, 1);
      return;
    }
    const edge = this.edgeFor(anchors[depth]);
    if (edge === undefined) return;
    for (const key of anchors[depth].keys) {
      const child = edge.children.get(key);
      if (child === undefined) continue;
      child.remove(anchors, entry, depth + 1);
      if (child.isEmpty) edge.children.delete(key);
    }
    if (edge.kind === 'prefix') edge.lengths = [...new Set([...edge.children.keys()].map((k) => k.length))].sort((a, b) => a - b);
    if (edge.children.size === 0) this.edges.splice(this.edges.indexOf(edge), 1);
  }

  /** Appends to `out` the entries of every node the event's values lead to (an entry may appear more than once). */
  collect(event: SlotEvent, out: E[]): void {
    for (let i = 0; i < this.entries.length; i++) out.push(this.entries[i]);
    for (let e = 0; e < this.edges.length; e++) {
      const edge = this.edges[e];
      const count = event.counts[edge.slot];
      if (count === 0) continue;
      if (edge.kind === 'presence') {
        edge.children.get('')?.collect(event, out);
        continue;
      }
      const values = event.values[edge.slot];
      for (let v = 0; v < count; v++) {
        const value = values[v];
        if (typeof value !== 'string') continue;
        if (edge.kind === 'exact') edge.children.get(value)?.collect(event, out);
        else collectPrefixes(edge, value, event, out);
      }
    }
  }

  private edgeFor(anchor: SlotAnchor): Edge<E> | undefined {
    return this.edges.find((edge) => edge.kind === anchor.kind && edge.slot === anchor.slot);
  }
}

function collectPrefixes<E>(edge: Edge<E>, value: string, event: SlotEvent, out: E[]): void {
  for (const length of edge.lengths) {
    if (length > value.length) return;
    edge.children.get(length === value.length ? value : value.slice(0, length))?.collect(event, out);
  }
}

function insertSorted(list: readonly number[], value: number): number[] {
  return [...list, value].sort((a, b) => a - b);
}
