/**
 * The dotted paths a set of patterns tests, as a tree of path segments with a slot number on every tested path.
 * Flattening an event walks this tree beside the event, so it visits only what some pattern looks at and never
 * builds a path string. Paths are reference-counted so that removing the last rule testing a path frees its slot.
 */

/** One segment of a dotted path; `slot` is the path's slot when some pattern tests it, else -1. */
export class PathNode {
  readonly children = new Map<string, PathNode>();
  slot = -1;

  constructor(readonly parent: PathNode | undefined, readonly segment: string) {}

  /** The node an event key leads to. A key holding dots (`{"a.b": 1}`) stands for several segments, as AWS reads it. */
  child(key: string): PathNode | undefined {
    const direct = this.children.get(key);
    if (direct !== undefined || !key.includes('.')) return direct;
    let node: PathNode | undefined = this;
    for (const segment of key.split('.')) {
      node = node.children.get(segment);
      if (node === undefined) return undefined;
    }
    return node;
  }
}

interface PathUse {
  readonly node: PathNode;
  count: number;
}

export class PathTable {
  readonly root = new PathNode(undefined, '');
  private readonly uses = new Map<string, PathUse>();
  private readonly freeSlots: number[] = [];
  private slotCount = 0;

  /** How many slots an event flattened against this table can fill. */
  get slots(): number {
    return this.slotCount;
  }

  /** The slot of `path`, taking one more reference to it. */
  acquire(path: string): number {
    let use = this.uses.get(path);
    if (use === undefined) {
      let node = this.root;
      for (const segment of path.split('.')) {
        let next = node.children.get(segment);
        if (next === undefined) node.children.set(segment, (next = new PathNode(node, segment)));
        node = next;
      }
      node.slot = this.freeSlots.pop() ?? this.slotCount++;
      use = { node, count: 0 };
      this.uses.set(path, use);
    }
    use.count++;
    return use.node.slot;
  }

  /** Drops one reference to `path`; the last one frees its slot and prunes segments nothing else needs. */
  release(path: string): void {
    const use = this.uses.get(path);
    if (use === undefined || --use.count > 0) return;
    this.uses.delete(path);
    this.freeSlots.push(use.node.slot);
    use.node.slot = -1;
    for (let node = use.node; node.parent && node.slot < 0 && node.children.size === 0; node = node.parent) {
      node.parent.children.delete(node.segment);
    }
  }
}
