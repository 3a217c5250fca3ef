/**
 * No-logo photos made from labelled ones: the largest part of a photo that stays clear of every box
 * (with a margin). Used as negatives to choose thresholds and to evaluate, so a model is scored on
 * images with no logo without copying any photo anywhere.
 */
import sharp from 'sharp';
import type { Box } from '../annotations';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A photo with this many boxes or more is left alone: its clear parts are too small to matter. */
const MAX_BOXES = 12;

/**
 * The largest rectangle of a width×height photo that keeps `margin` (a share of the box's size) away
 * from every box, if it is at least `minShare` of the photo on both sides.
 */
export function clearRect(width: number, height: number, boxes: readonly Box[], minShare = 0.4, margin = 0.15): Rect | undefined {
  if (boxes.length >= MAX_BOXES) return undefined;
  const grown = boxes.map((b) => ({ x0: b.left - margin * b.width, y0: b.top - margin * b.height, x1: b.left + b.width * (1 + margin), y1: b.top + b.height * (1 + margin) }));
  const xs = cuts(width, grown.flatMap((g) => [g.x0, g.x1]));
  const ys = cuts(height, grown.flatMap((g) => [g.y0, g.y1]));
  let best: Rect | undefined;
  for (const [i, x0] of xs.entries()) {
    for (const x1 of xs.slice(i + 1)) {
      if (x1 - x0 < minShare * width) continue;
      for (const [j, y0] of ys.entries()) {
        for (const y1 of ys.slice(j + 1)) {
          if (y1 - y0 < minShare * height) continue;
          if ((x1 - x0) * (y1 - y0) <= (best ? best.width * best.height : 0)) continue;
          if (grown.some((g) => g.x0 < x1 && g.x1 > x0 && g.y0 < y1 && g.y1 > y0)) continue;
          best = { left: x0, top: y0, width: x1 - x0, height: y1 - y0 };
        }
      }
    }
  }
  return best;
}

function cuts(size: number, edges: number[]): number[] {
  return [...new Set([0, size, ...edges.map((e) => Math.round(Math.min(size, Math.max(0, e))))])].sort((a, b) => a - b);
}

/** The clear part of an encoded photo as a new JPEG, or undefined when it has none big enough. */
export async function noLogoCrop(encoded: Uint8Array, boxes: readonly Box[]): Promise<Uint8Array | undefined> {
  const meta = await sharp(encoded).metadata();
  const rect = clearRect(meta.width!, meta.height!, boxes);
  if (!rect) return undefined;
  const jpeg = await sharp(encoded).extract({ left: rect.left, top: rect.top, width: rect.width, height: rect.height }).jpeg({ quality: 90 }).toBuffer();
  return new Uint8Array(jpeg);
}
