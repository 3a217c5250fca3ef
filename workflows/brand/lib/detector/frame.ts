/**
 * A video frame decoded once for everything the video path needs of it: the RGB pixels (from which a
 * key frame's backbone input is resized), the grayscale image ORB works on, and a thumbnail of that
 * grayscale image for the key-frame rule's change measure. The photo path decodes with
 * `backboneInput` and `decodeGray` as before; frames extracted by ffmpeg carry no EXIF orientation,
 * so nothing here rotates.
 */
import sharp from 'sharp';
import type { GrayImage } from './gray';

export interface DecodedFrame {
  /** RGB, row-major, at the encoded size. */
  rgb: Uint8Array;
  width: number;
  height: number;
  /** Grayscale with the longer side at most the ORB side, as `decodeGray` gives it. */
  gray: GrayImage;
  thumbnail: Thumbnail;
}

export interface Thumbnail {
  width: number;
  height: number;
  /** Mean gray level of each THUMBNAIL_CELL² block. */
  data: Float32Array;
}

/** Side of a thumbnail cell in pixels of the gray image: 640×360 gives 80×45 cells. */
export const THUMBNAIL_CELL = 8;

export async function decodeFrame(encoded: Uint8Array, graySide: number): Promise<DecodedFrame> {
  const { data, info } = await sharp(encoded).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const rgb = new Uint8Array(data.buffer, data.byteOffset, data.length);
  const gray = await grayOf(rgb, info.width, info.height, graySide);
  return { rgb, width: info.width, height: info.height, gray, thumbnail: thumbnail(gray) };
}

async function grayOf(rgb: Uint8Array, width: number, height: number, maxSide: number): Promise<GrayImage> {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const { data, info } = await sharp(rgb, { raw: { width, height, channels: 3 } })
    .resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)), { fit: 'fill' })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length), scale };
}

/** Block means over THUMBNAIL_CELL² pixels (the last row and column of blocks may be partial). */
export function thumbnail(gray: GrayImage): Thumbnail {
  const width = Math.ceil(gray.width / THUMBNAIL_CELL);
  const height = Math.ceil(gray.height / THUMBNAIL_CELL);
  const sums = new Float32Array(width * height);
  const counts = new Uint16Array(width * height);
  for (let y = 0; y < gray.height; y++) {
    const row = Math.floor(y / THUMBNAIL_CELL) * width;
    for (let x = 0; x < gray.width; x++) {
      const cell = row + Math.floor(x / THUMBNAIL_CELL);
      sums[cell]! += gray.data[y * gray.width + x]!;
      counts[cell]!++;
    }
  }
  for (let i = 0; i < sums.length; i++) sums[i]! /= counts[i]!;
  return { width, height, data: sums };
}

/** Mean absolute difference of two thumbnails in gray levels (0–255); Infinity when their sizes differ. */
export function meanAbsoluteDifference(a: Thumbnail, b: Thumbnail): number {
  if (a.width !== b.width || a.height !== b.height) return Infinity;
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i]! - b.data[i]!);
  return sum / a.data.length;
}
