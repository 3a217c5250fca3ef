/**
 * Training regions for the head, from one image's labelled boxes: each box and jittered copies of it
 * (class = its label), and windows that miss every box (class 0). Windows that hold much of a logo
 * without framing it are left out, as neither.
 */
import { covers, describe, iou, windows, type PoolingTables, type Region } from './regions';

export interface LabelledRegion {
  region: Region;
  /** 1 … labels; 0 is "no logo". */
  label: number;
}

export interface SampleOptions {
  /** Jittered copies of each box. @default 4 */
  jitter?: number;
  /** Background windows per image. @default 40 */
  negatives?: number;
}

export interface Samples {
  x: Float32Array[];
  y: number[];
}

/** Background windows overlap a box by less than this (IoU) and cover less than this share of it. */
const BACKGROUND_IOU = 0.2;
const BACKGROUND_COVER = 0.3;
const POSITIVE_IOU = 0.6;

export function regionSamples(tables: PoolingTables, boxes: readonly LabelledRegion[], random: () => number, options: SampleOptions = {}, out: Samples = { x: [], y: [] }): Samples {
  const jitter = options.jitter ?? 4;
  const negatives = options.negatives ?? 40;
  for (const box of boxes) {
    out.x.push(describe(tables, box.region));
    out.y.push(box.label);
    for (let j = 0, tries = 0; j < jitter && tries < 20 * jitter; tries++) {
      const moved = jittered(box.region, tables.grid, random);
      if (iou(moved, box.region) < POSITIVE_IOU) continue;
      out.x.push(describe(tables, moved));
      out.y.push(box.label);
      j++;
    }
  }
  for (const region of backgroundWindows(tables.grid, boxes.map((b) => b.region), negatives, random)) {
    out.x.push(describe(tables, region));
    out.y.push(0);
  }
  return out;
}

/** Up to `count` scanned windows that miss every box. */
export function backgroundWindows(grid: { width: number; height: number }, boxes: readonly Region[], count: number, random: () => number): Region[] {
  const all = windows(grid);
  const out: Region[] = [];
  for (let tries = 0; out.length < count && tries < 20 * count; tries++) {
    const r = all[Math.floor(random() * all.length)]!;
    if (boxes.every((b) => iou(r, b) < BACKGROUND_IOU && covers(r, b) < BACKGROUND_COVER)) out.push(r);
  }
  return out;
}

function jittered(r: Region, grid: { width: number; height: number }, random: () => number): Region {
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  const d = (size: number) => Math.round((random() - 0.5) * 0.4 * size);
  const x0 = Math.max(0, Math.min(grid.width - 1, r.x0 + d(w)));
  const y0 = Math.max(0, Math.min(grid.height - 1, r.y0 + d(h)));
  return { x0, y0, x1: Math.max(x0 + 1, Math.min(grid.width, r.x1 + d(w))), y1: Math.max(y0 + 1, Math.min(grid.height, r.y1 + d(h))) };
}
