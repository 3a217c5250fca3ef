/**
 * The zoomed second look: a proposal's window cut from the image at its own resolution, with a margin,
 * as a small square the backbone describes on its own. In the whole photo's 512-px view a logo is a
 * few cells of the feature grid; in the crop it fills most of it, so a head over the crop's pooled
 * features sees what the first head could only guess at.
 */
import sharp from 'sharp';
import { backboneFeatures, type BackboneInput, type FeatureMap, type ImageFeatures } from './backbone';
import type { Region } from './regions';

/** An image decoded once to RGB at its encoded size. */
export interface RgbImage {
  rgb: Uint8Array;
  width: number;
  height: number;
}

/** A box in pixels of the encoded image (fractions allowed). */
export interface PixelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Whole pixels, inside the image, at least one wide. */
export type PixelRect = PixelBox;

export interface ZoomSettings {
  /** Side of the square the crop is resized to (a multiple of 32). */
  side: number;
  /** Share of the box's larger side added on every side of it as context. */
  margin: number;
}

export async function decodeRgb(encoded: Uint8Array): Promise<RgbImage> {
  const { data, info } = await sharp(encoded).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return { rgb: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** The pixels a window of the feature grid covers: the backbone sees the image stretched to a square. */
export function windowPixels(r: Region, grid: { width: number; height: number }, image: { width: number; height: number }): PixelBox {
  const sx = image.width / grid.width;
  const sy = image.height / grid.height;
  return { left: r.x0 * sx, top: r.y0 * sy, width: (r.x1 - r.x0) * sx, height: (r.y1 - r.y0) * sy };
}

/**
 * The square crop that holds `box` with `margin` of its larger side around it, kept square by
 * sliding it inside the image rather than cutting it (so the crop is not stretched when resized),
 * and shrunk to the image's shorter side when it is larger than that.
 */
export function zoomRect(box: PixelBox, image: { width: number; height: number }, margin: number): PixelRect {
  const side = Math.max(1, Math.min(Math.round(Math.max(box.width, box.height) * (1 + 2 * margin)), image.width, image.height));
  const place = (centre: number, size: number) => Math.min(size - side, Math.max(0, Math.round(centre - side / 2)));
  return { left: place(box.left + box.width / 2, image.width), top: place(box.top + box.height / 2, image.height), width: side, height: side };
}

/** The crop resized to the zoom's square, as the backbone takes it. */
export async function zoomInput(image: RgbImage, rect: PixelRect, side: number): Promise<BackboneInput> {
  const data = await sharp(image.rgb, { raw: { width: image.width, height: image.height, channels: 3 } })
    .extract(rect)
    .resize(side, side, { fit: 'fill' })
    .raw()
    .toBuffer();
  return { pixels: new Uint8Array(data.buffer, data.byteOffset, data.length), width: rect.width, height: rect.height, side };
}

/**
 * The crop's descriptor: the mean and the maximum of every channel of the fine map, then of the
 * coarse map. Pooled over the whole crop, so a box a little off still gives nearly the same numbers.
 */
export function zoomDescriptor(f: Pick<ImageFeatures, 'fine' | 'coarse'>): Float32Array {
  const out = new Float32Array(2 * (f.fine.channels + f.coarse.channels));
  let offset = 0;
  for (const map of [f.fine, f.coarse]) {
    pool(map, out, offset);
    offset += 2 * map.channels;
  }
  return out;
}

function pool(map: FeatureMap, out: Float32Array, offset: number): void {
  const { channels, data } = map;
  const cells = map.width * map.height;
  const max = out.subarray(offset + channels, offset + 2 * channels).fill(-Infinity);
  for (let i = 0; i < cells; i++) {
    for (let c = 0; c < channels; c++) {
      const v = data[i * channels + c]!;
      out[offset + c]! += v;
      if (v > max[c]!) max[c] = v;
    }
  }
  for (let c = 0; c < channels; c++) out[offset + c]! /= cells;
}

/** How a caller describes a crop: the backbone at the zoom's side, or a stand-in in tests. */
export type ZoomFeatures = (input: BackboneInput) => Promise<ImageFeatures>;

/** The descriptor of one crop of an image. */
export async function describeCrop(image: RgbImage, box: PixelBox, settings: ZoomSettings, features: ZoomFeatures = backboneFeatures): Promise<Float32Array> {
  return zoomDescriptor(await features(await zoomInput(image, zoomRect(box, image, settings.margin), settings.side)));
}
