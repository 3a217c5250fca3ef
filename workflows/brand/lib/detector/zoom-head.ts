/**
 * The zoomed second look's head: softmax regression (every brand and "no logo") over crop descriptors
 * (`zoom.ts`), trained on crops of the training images: each labelled box and jittered copies of it
 * (the proposals it will judge are imperfect windows), the first head's own proposals where they fall
 * on a box (that box's brand) or clear of every box (none), and its proposals on the part of the
 * photo clear of every box (none): the places it is wrong about are what the second look must reject.
 */
import type { Box } from '../annotations';
import type { FeatureSource, ImageFeatures } from './backbone';
import type { Proposals } from './fused';
import { classify, trainHead, type Head, type HeadOptions } from './head';
import { noLogoCrop } from './negatives';
import { decodeRgb, describeCrop, windowPixels, type PixelBox, type ZoomFeatures, type ZoomSettings } from './zoom';
import { seededRandom } from '../../../../src/services';

export interface ZoomSample {
  x: Float32Array;
  /** 1 … labels; 0 is "no logo". */
  y: number;
}

export interface ZoomSampleOptions {
  /** Jittered copies of each labelled box. @default 3 */
  jitter?: number;
  /** The first head's best proposals per photo turned into crops. @default 6 */
  proposals?: number;
  /** Its best proposals on the photo's part clear of every box. @default 4 */
  clearProposals?: number;
  seed?: number;
  /** The backbone at the zoom's side (a stand-in in tests). */
  zoomFeatures?: ZoomFeatures;
}

/** A proposal is that box's brand at this IoU with it, and none when it overlaps no box more than the second. */
const SAME_IOU = 0.4;
const CLEAR_IOU = 0.1;

/** What proposes windows: the fused model's first head. */
export interface Proposer {
  propose(f: ImageFeatures): Promise<Proposals>;
}

export async function zoomSamples(
  images: ReadonlyArray<{ image: Uint8Array; boxes: readonly Box[] }>,
  labels: readonly string[],
  proposer: Proposer,
  features: FeatureSource,
  settings: ZoomSettings,
  options: ZoomSampleOptions = {},
  out: ZoomSample[] = [],
): Promise<ZoomSample[]> {
  const random = seededRandom(options.seed ?? 5);
  const jitter = options.jitter ?? 3;
  const describe = (rgb: Awaited<ReturnType<typeof decodeRgb>>, box: PixelBox) => describeCrop(rgb, box, settings, options.zoomFeatures);
  for (const example of images) {
    const rgb = await decodeRgb(example.image);
    for (const box of example.boxes) {
      const label = 1 + labels.indexOf(box.label);
      if (label === 0) continue;
      out.push({ x: await describe(rgb, box), y: label });
      for (let j = 0; j < jitter; j++) out.push({ x: await describe(rgb, jitterBox(box, random)), y: label });
    }
    const f = await features(example.image);
    const { top, grid } = await proposer.propose(f);
    for (const t of top.slice(0, options.proposals ?? 6)) {
      const pixels = windowPixels(t.window, grid, f);
      const y = proposalClass(pixels, example.boxes, labels);
      if (y !== undefined) out.push({ x: await describe(rgb, pixels), y });
    }
    const clear = options.clearProposals ?? 4;
    const crop = clear > 0 ? await noLogoCrop(example.image, example.boxes) : undefined;
    if (crop) {
      const cropRgb = await decodeRgb(crop);
      const g = await features(crop);
      const found = await proposer.propose(g);
      for (const t of found.top.slice(0, clear)) out.push({ x: await describe(cropRgb, windowPixels(t.window, found.grid, g)), y: 0 });
    }
  }
  return out;
}

/** The class a proposal's crop is trained as: the brand of the box it frames, none when it is clear of all, else left out. */
export function proposalClass(window: PixelBox, boxes: readonly Box[], labels: readonly string[]): number | undefined {
  let best = { iou: 0, label: '' };
  for (const b of boxes) {
    const o = pixelIou(window, b);
    if (o > best.iou) best = { iou: o, label: b.label };
  }
  // A box of a brand the model does not know (indexOf −1) is neither a brand nor clear: left out.
  if (best.iou >= SAME_IOU) return 1 + labels.indexOf(best.label) || undefined;
  return best.iou < CLEAR_IOU ? 0 : undefined;
}

export function pixelIou(a: PixelBox, b: PixelBox): number {
  const w = Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left));
  const h = Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/** The box shifted by up to a sixth of its size and each side scaled by 0.8–1.25, as proposals miss. */
export function jitterBox(box: PixelBox, random: () => number): PixelBox {
  const sw = Math.exp((random() - 0.5) * 2 * Math.log(1.25));
  const sh = Math.exp((random() - 0.5) * 2 * Math.log(1.25));
  const cx = box.left + box.width / 2 + ((random() - 0.5) * box.width) / 3;
  const cy = box.top + box.height / 2 + ((random() - 0.5) * box.height) / 3;
  return { left: cx - (box.width * sw) / 2, top: cy - (box.height * sh) / 2, width: box.width * sw, height: box.height * sh };
}

export async function trainZoomHead(samples: readonly ZoomSample[], classes: number, options: HeadOptions = {}): Promise<Head> {
  return trainHead(samples.map((s) => s.x), samples.map((s) => s.y), classes, samples.map(() => 1), options);
}

/** Class probabilities of one crop's descriptor (index 0: no logo; c: labels[c − 1]). */
export const zoomProbabilities = (head: Head, x: Float32Array): Float64Array => classify(head, x);
