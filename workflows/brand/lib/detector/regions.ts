/**
 * Regions of the backbone's stride-8 grid and their pooled descriptors. A descriptor is a list of
 * means of feature cells (the region, its four quadrants, the ring of context around it, and the
 * region on the coarse map), so a linear head over it can be evaluated for thousands of windows at
 * once from summed-area tables of the head's per-cell projections (see `head.ts`).
 */
import type { FeatureMap, ImageFeatures } from './backbone';

/** Cells of the fine grid, end exclusive. */
export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A pooled block of a descriptor: which map, and which cells of it, for a region. */
export interface Block {
  map: 'fine' | 'coarse';
  cells: (r: Region, fine: { width: number; height: number }) => Region | undefined;
  /** For the context ring: the inner region whose cells are left out. */
  minus?: (r: Region) => Region;
}

const half = (a: number, b: number) => a + Math.max(1, Math.floor((b - a) / 2));

/** The descriptor's blocks, in order. Quadrants of a region one cell wide share that cell. */
export const BLOCKS: readonly Block[] = [
  { map: 'fine', cells: (r) => r },
  { map: 'fine', cells: (r) => ({ x0: r.x0, y0: r.y0, x1: half(r.x0, r.x1), y1: half(r.y0, r.y1) }) },
  { map: 'fine', cells: (r) => ({ x0: Math.min(half(r.x0, r.x1), r.x1 - 1), y0: r.y0, x1: r.x1, y1: half(r.y0, r.y1) }) },
  { map: 'fine', cells: (r) => ({ x0: r.x0, y0: Math.min(half(r.y0, r.y1), r.y1 - 1), x1: half(r.x0, r.x1), y1: r.y1 }) },
  { map: 'fine', cells: (r) => ({ x0: Math.min(half(r.x0, r.x1), r.x1 - 1), y0: Math.min(half(r.y0, r.y1), r.y1 - 1), x1: r.x1, y1: r.y1 }) },
  { map: 'fine', cells: (r, g) => grow(r, g), minus: (r) => r },
  { map: 'coarse', cells: (r) => ({ x0: Math.floor(r.x0 / 2), y0: Math.floor(r.y0 / 2), x1: Math.ceil(r.x1 / 2), y1: Math.ceil(r.y1 / 2) }) },
];

/** The region with half its size added on every side, inside the grid. */
function grow(r: Region, g: { width: number; height: number }): Region {
  const dx = Math.max(1, Math.round((r.x1 - r.x0) / 2));
  const dy = Math.max(1, Math.round((r.y1 - r.y0) / 2));
  return { x0: Math.max(0, r.x0 - dx), y0: Math.max(0, r.y0 - dy), x1: Math.min(g.width, r.x1 + dx), y1: Math.min(g.height, r.y1 + dy) };
}

export function descriptorLength(features: Pick<ImageFeatures, 'fine' | 'coarse'>): number {
  return BLOCKS.reduce((n, b) => n + features[b.map].channels, 0);
}

/**
 * Summed-area table of a map with `channels` values per cell: (h+1)×(w+1)×channels. Built on first
 * use: scoring windows through a head reads only the maps' cells (see `head.ts`), never these sums.
 */
export class SummedArea {
  private table: Float64Array | undefined;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly channels: number,
    private readonly values: ArrayLike<number>,
  ) {}

  get sums(): Float64Array {
    this.table ??= this.build();
    return this.table;
  }

  private build(): Float64Array {
    const { width, height, channels, values } = this;
    const stride = (width + 1) * channels;
    const sums = new Float64Array((height + 1) * stride);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const out = (y + 1) * stride + (x + 1) * channels;
        const up = y * stride + (x + 1) * channels;
        const left = (y + 1) * stride + x * channels;
        const diag = y * stride + x * channels;
        const src = (y * width + x) * channels;
        for (let c = 0; c < channels; c++) sums[out + c] = values[src + c]! + sums[up + c]! + sums[left + c]! - sums[diag + c]!;
      }
    }
    return sums;
  }

  static of(map: FeatureMap): SummedArea {
    return new SummedArea(map.width, map.height, map.channels, map.data);
  }

  /** Adds `scale` × the sum over the region's cells of `count` channels from `first` to `out` from `offset`. */
  addSum(r: Region, scale: number, out: Float32Array | Float64Array, offset: number, first = 0, count = this.channels): void {
    const stride = (this.width + 1) * this.channels;
    const a = r.y0 * stride + r.x0 * this.channels + first;
    const b = r.y0 * stride + r.x1 * this.channels + first;
    const c = r.y1 * stride + r.x0 * this.channels + first;
    const d = r.y1 * stride + r.x1 * this.channels + first;
    const s = this.sums;
    for (let k = 0; k < count; k++) out[offset + k]! += scale * (s[d + k]! - s[b + k]! - s[c + k]! + s[a + k]!);
  }
}

const area = (r: Region) => Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0);

/** Visits each block's cells for a region with the weight that turns their sum into the block's mean. */
export function poolBlocks(grid: { width: number; height: number }, r: Region, visit: (block: number, cells: Region, weight: number) => void): void {
  BLOCKS.forEach((block, i) => {
    const cells = block.cells(r, grid);
    if (!cells) return;
    const inner = block.minus?.(r);
    const n = area(cells) - (inner ? area(inner) : 0);
    if (n <= 0) return;
    visit(i, cells, 1 / n);
    if (inner) visit(i, inner, -1 / n);
  });
}

export interface PoolingTables {
  fine: SummedArea;
  coarse: SummedArea;
  grid: { width: number; height: number };
  /** The maps' cell values, for projecting them through a head. */
  source: { fine: Float32Array; coarse: Float32Array };
}

export function poolingTables(features: Pick<ImageFeatures, 'fine' | 'coarse'>): PoolingTables {
  return { fine: SummedArea.of(features.fine), coarse: SummedArea.of(features.coarse), grid: { width: features.fine.width, height: features.fine.height }, source: { fine: features.fine.data, coarse: features.coarse.data } };
}

/** The region's descriptor: every block's mean features, concatenated. */
export function describe(tables: PoolingTables, r: Region): Float32Array {
  const offsets: number[] = [];
  let length = 0;
  for (const block of BLOCKS) {
    offsets.push(length);
    length += tables[block.map].channels;
  }
  const out = new Float32Array(length);
  poolBlocks(tables.grid, r, (i, cells, weight) => tables[BLOCKS[i]!.map].addSum(cells, weight, out, offsets[i]!));
  return out;
}

/** A pixel box of the encoded image as a region of the grid (at least one cell). */
export function toRegion(box: { left: number; top: number; width: number; height: number }, image: { width: number; height: number }, grid: { width: number; height: number }): Region {
  const sx = grid.width / image.width;
  const sy = grid.height / image.height;
  const x0 = clamp(Math.round(box.left * sx), 0, grid.width - 1);
  const y0 = clamp(Math.round(box.top * sy), 0, grid.height - 1);
  return { x0, y0, x1: clamp(Math.max(x0 + 1, Math.round((box.left + box.width) * sx)), x0 + 1, grid.width), y1: clamp(Math.max(y0 + 1, Math.round((box.top + box.height) * sy)), y0 + 1, grid.height) };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function iou(a: Region, b: Region): number {
  const inter = area({ x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) });
  return inter / (area(a) + area(b) - inter);
}

/** The share of `b` that `a` covers. */
export function covers(a: Region, b: Region): number {
  return area({ x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) }) / area(b);
}

/** Window sizes in cells: small logos need 2–3 cells, a close-up fills the grid. */
const SIZES = [2, 3, 4, 6, 8, 11, 16, 22, 32, 45, 64];

/** Every window scanned at detection: sizes up to 3:1 either way, stepped by half their smaller side. */
export function windows(grid: { width: number; height: number }): Region[] {
  const out: Region[] = [];
  for (const w of SIZES) {
    for (const h of SIZES) {
      if (w > grid.width || h > grid.height || w > 3 * h || h > 3 * w) continue;
      const step = Math.max(1, Math.round(Math.min(w, h) / 2));
      for (let y = 0; y + h <= grid.height; y += step) for (let x = 0; x + w <= grid.width; x += step) out.push({ x0: x, y0: y, x1: x + w, y1: y + h });
    }
  }
  return out;
}
