/**
 * What the generated videos are made of, read at run time from FlickrLogos-27 in the shared data
 * folder (never copied into the repository): logo crops from the held-out fifth of the seeded 80/20
 * split brand-training makes (so a model trained with that seed never saw them), and backgrounds cut
 * from the regions of its photographs outside every logo box.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { parseFlickrLogos, splitByImage, type Box, type ImageAnnotations } from '../../workflows/brand/lib/annotations';

export const FLICKRLOGOS = path.resolve(__dirname, '../../../shared/data/brand/flickrlogos27');
/** brand-training's held-out share and default seed. */
export const TEST_SHARE = 0.2;
export const SPLIT_SEED = 42;

export interface LogoCrop {
  brand: string;
  image: string;
  png: Buffer;
  width: number;
  height: number;
}

export function flickrLogos(): { train: ImageAnnotations[]; test: ImageAnnotations[] } {
  const { images } = parseFlickrLogos(readFileSync(path.join(FLICKRLOGOS, 'annotations.txt'), 'utf8'));
  return splitByImage(images, TEST_SHARE, SPLIT_SEED);
}

const imagePath = (image: string) => path.join(FLICKRLOGOS, 'images', image);

/** Every held-out box large enough to show at 110–200 px without turning to mush. */
export async function heldOutCrops(test: readonly ImageAnnotations[], minSide = 48): Promise<LogoCrop[]> {
  const crops: LogoCrop[] = [];
  for (const annotated of test) {
    // Boxes are drawn on the stored pixels: a photo that asks to be rotated is left out rather than guessed.
    const meta = await sharp(imagePath(annotated.image)).metadata();
    if ((meta.orientation ?? 1) > 1) continue;
    for (const box of annotated.boxes) {
      if (Math.min(box.width, box.height) < minSide || box.width / box.height > 5 || box.height / box.width > 5) continue;
      if (box.left + box.width > meta.width! || box.top + box.height > meta.height!) continue;
      const png = await sharp(imagePath(annotated.image)).extract(region(box)).png().toBuffer();
      crops.push({ brand: box.label, image: annotated.image, png, width: Math.round(box.width), height: Math.round(box.height) });
    }
  }
  return crops;
}

function region(box: Box) {
  return { left: Math.round(box.left), top: Math.round(box.top), width: Math.round(box.width), height: Math.round(box.height) };
}

/**
 * Backgrounds of `width`×`height`: from each photo, the largest strip left, right, above or below all
 * of its logo boxes, cut to the frame's aspect and scaled to fill it. Photos whose strips are too small are skipped.
 */
export async function backgrounds(images: readonly ImageAnnotations[], count: number, width: number, height: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const annotated of images) {
    if (out.length >= count) break;
    const file = imagePath(annotated.image);
    const meta = await sharp(file).metadata();
    if (!meta.width || !meta.height || (meta.orientation ?? 1) > 1) continue;
    const cut = freeRegion(annotated.boxes, meta.width, meta.height, width / height);
    if (!cut || cut.width < width / 3) continue;
    out.push(await sharp(file).extract(cut).resize(width, height).jpeg({ quality: 90 }).toBuffer());
  }
  return out;
}

/** The largest region of the given aspect inside one of the four strips around the boxes. */
export function freeRegion(boxes: readonly Box[], width: number, height: number, aspect: number): { left: number; top: number; width: number; height: number } | undefined {
  const minX = Math.min(...boxes.map((b) => b.left));
  const minY = Math.min(...boxes.map((b) => b.top));
  const maxX = Math.max(...boxes.map((b) => b.left + b.width));
  const maxY = Math.max(...boxes.map((b) => b.top + b.height));
  const strips = [
    { left: 0, top: 0, width: Math.floor(minX), height },
    { left: Math.ceil(maxX), top: 0, width: width - Math.ceil(maxX), height },
    { left: 0, top: 0, width, height: Math.floor(minY) },
    { left: 0, top: Math.ceil(maxY), width, height: height - Math.ceil(maxY) },
  ];
  let best: { left: number; top: number; width: number; height: number } | undefined;
  for (const strip of strips) {
    if (strip.width <= 0 || strip.height <= 0) continue;
    const w = Math.floor(Math.min(strip.width, strip.height * aspect));
    const h = Math.floor(w / aspect);
    if (w < 16 || h < 9) continue;
    const cut = { left: strip.left + Math.floor((strip.width - w) / 2), top: strip.top + Math.floor((strip.height - h) / 2), width: w, height: h };
    if (!best || w > best.width) best = cut;
  }
  return best;
}
