/** Decoding images to 8-bit grayscale at a bounded size with sharp. */
import sharp from 'sharp';

export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
  /** Pixels of this image per pixel of the encoded one. */
  scale: number;
}

/**
 * The image in grayscale with its longer side at most `maxSide`, or, with `enlarge`, exactly `maxSide`
 * (small logos in small photos give keypoint detectors more to find when scaled up).
 */
export async function decodeGray(encoded: Uint8Array, maxSide: number, enlarge = false): Promise<GrayImage> {
  const image = sharp(encoded).rotate();
  const meta = await image.metadata();
  const [w0, h0] = meta.orientation && meta.orientation >= 5 ? [meta.height!, meta.width!] : [meta.width!, meta.height!];
  const scale = enlarge ? maxSide / Math.max(w0, h0) : Math.min(1, maxSide / Math.max(w0, h0));
  const { data, info } = await image.resize(Math.max(1, Math.round(w0 * scale)), Math.max(1, Math.round(h0 * scale)), { fit: 'fill' }).grayscale().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length), scale };
}

/** A box of the encoded image, cut out and scaled so its longer side is `side` pixels. */
export async function cropGray(encoded: Uint8Array, box: { left: number; top: number; width: number; height: number }, side: number): Promise<GrayImage | undefined> {
  const image = sharp(encoded);
  const meta = await image.metadata();
  const left = Math.max(0, Math.floor(box.left));
  const top = Math.max(0, Math.floor(box.top));
  const width = Math.min(meta.width! - left, Math.ceil(box.width));
  const height = Math.min(meta.height! - top, Math.ceil(box.height));
  if (width < 4 || height < 4) return undefined;
  const scale = side / Math.max(width, height);
  const { data, info } = await image
    .extract({ left, top, width, height })
    .resize(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)), { fit: 'fill' })
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length), scale };
}
