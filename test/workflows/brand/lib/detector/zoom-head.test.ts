/**
 * The zoom head's training set and training: a proposal is trained as the brand of the box it frames
 * or as none when clear of every box, jittered boxes stay near the box, and on synthetic photos (a
 * stand-in backbone describing a crop by its colour) the head trained on boxes, proposals and clear
 * parts tells each brand's crops from the background's.
 */
import sharp from 'sharp';
import { seededRandom } from '../../../../../src/services';
import type { Box } from '../../../../../workflows/brand/lib/annotations';
import type { ImageFeatures } from '../../../../../workflows/brand/lib/detector/backbone';
import type { Proposer } from '../../../../../workflows/brand/lib/detector/zoom-head';
import { jitterBox, pixelIou, proposalClass, trainZoomHead, zoomProbabilities, zoomSamples } from '../../../../../workflows/brand/lib/detector/zoom-head';
import { decodeRgb, describeCrop, type PixelBox } from '../../../../../workflows/brand/lib/detector/zoom';

const LABELS = ['Blue', 'Red'];
const BOXES: Box[] = [{ label: 'Red', left: 100, top: 100, width: 100, height: 50 }];

test.each<[string, PixelBox, number | undefined]>([
  ['the box itself: its brand', { left: 100, top: 100, width: 100, height: 50 }, 2],
  ['a little off the box (IoU 0.6): its brand', { left: 125, top: 100, width: 100, height: 50 }, 2],
  ['half on the box (IoU 0.25): left out', { left: 150, top: 110, width: 100, height: 50 }, undefined],
  ['far from every box: none', { left: 400, top: 300, width: 80, height: 80 }, 0],
])('a proposal on %s', (_, window, expected) => {
  expect(proposalClass(window, BOXES, LABELS)).toBe(expected);
});

test('jittered boxes move and rescale the box but keep most of it', () => {
  const random = seededRandom(3);
  const box = { left: 100, top: 100, width: 120, height: 60 };
  const overlaps = Array.from({ length: 200 }, () => pixelIou(jitterBox(box, random), box));
  expect(Math.min(...overlaps)).toBeGreaterThan(0.3);
  expect(Math.max(...overlaps)).toBeLessThan(1);
});

/** A 320×240 gray photo with a red or blue 60×40 patch at (x, y). */
async function patchPhoto(colour: 'Red' | 'Blue' | undefined, x: number, y: number): Promise<{ image: Uint8Array; boxes: Box[] }> {
  const patch = await sharp({ create: { width: 60, height: 40, channels: 3, background: colour === 'Red' ? { r: 220, g: 30, b: 30 } : { r: 30, g: 30, b: 220 } } }).png().toBuffer();
  const base = sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 120, g: 120, b: 120 } } });
  const png = await (colour ? base.composite([{ input: patch, left: x, top: y }]) : base).png().toBuffer();
  return { image: new Uint8Array(png), boxes: colour ? [{ label: colour, left: x, top: y, width: 60, height: 40 }] : [] };
}

/** Describes a crop by its mean colour: enough to tell the patches from the background. */
const colourFeatures = async (input: { pixels: Uint8Array; side?: number }): Promise<ImageFeatures> => {
  const mean = [0, 0, 0];
  for (let i = 0; i < input.pixels.length; i++) mean[i % 3]! += input.pixels[i]! / (input.pixels.length / 3);
  const map = { width: 1, height: 1, channels: 3, data: Float32Array.from(mean, (v) => v / 255) };
  return { fine: map, coarse: map, width: 1, height: 1 };
};

/** Proposes the photo's top-left quarter and its centre (a grid of 8×8 cells over the stretched photo). */
const proposer: Proposer = {
  propose: async () => ({ grid: { width: 8, height: 8 }, top: [{ label: 'Red', head: 0.5, window: { x0: 0, y0: 0, x1: 2, y1: 2 } }, { label: 'Blue', head: 0.4, window: { x0: 3, y0: 3, x1: 5, y1: 5 } }] }),
};
const wholePhoto = async (encoded: Uint8Array): Promise<ImageFeatures> => {
  const meta = await sharp(encoded).metadata();
  const map = { width: 8, height: 8, channels: 1, data: new Float32Array(64) };
  return { fine: map, coarse: map, width: meta.width!, height: meta.height! };
};

test('a head trained on boxes, jittered boxes and proposals tells each brand\'s crops from the background', async () => {
  const photos = [];
  for (let i = 0; i < 8; i++) photos.push(await patchPhoto(i % 2 ? 'Red' : 'Blue', 180 + 5 * i, 20 + 10 * i));
  const samples = await zoomSamples(photos, LABELS, proposer, wholePhoto, { side: 32, margin: 0.1 }, { jitter: 2, zoomFeatures: colourFeatures });
  // Every box thrice, every top-left proposal (clear of the patch) as none, every clear part's two.
  expect(samples.filter((s) => s.y === 1).length).toBe(4 * 3);
  expect(samples.filter((s) => s.y === 2).length).toBe(4 * 3);
  expect(samples.filter((s) => s.y === 0).length).toBeGreaterThanOrEqual(8);
  const head = await trainZoomHead(samples, 3, { epochs: 60, learningRate: 0.05 });
  const settings = { side: 32, margin: 0.1 };
  for (const [colour, expected] of [['Blue', 1], ['Red', 2], [undefined, 0]] as const) {
    const photo = await patchPhoto(colour, 40, 150);
    const p = zoomProbabilities(head, await describeCrop(await decodeRgb(photo.image), { left: 45, top: 150, width: 55, height: 45 }, settings, colourFeatures));
    expect(p.indexOf(Math.max(...p))).toBe(expected);
  }
});
