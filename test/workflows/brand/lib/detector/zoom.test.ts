/**
 * The zoomed second look's geometry and pooling: a grid window maps to the pixels it covers, a crop is
 * the box with its margin, square, slid inside the image and never stretched; the crop handed to the
 * backbone holds the right pixels; the descriptor is each channel's mean and maximum; and the real
 * backbone, converted for the zoom's side, gives maps of that side's size.
 */
import sharp from 'sharp';
import { backboneFeatures } from '../../../../../workflows/brand/lib/detector/backbone';
import { decodeRgb, describeCrop, windowPixels, zoomDescriptor, zoomInput, zoomRect, type PixelBox } from '../../../../../workflows/brand/lib/detector/zoom';
import { LOGO_NAMES, photo } from '../../fixture';

test('a window of the 64×64 grid covers its share of the image, which the backbone saw stretched to a square', () => {
  expect(windowPixels({ x0: 8, y0: 8, x1: 16, y1: 24 }, { width: 64, height: 64 }, { width: 640, height: 480 })).toEqual({ left: 80, top: 60, width: 80, height: 120 });
});

test.each<[string, PixelBox, number, PixelBox]>([
  ['a box in the middle: its larger side and the margin on both sides, centred', { left: 200, top: 150, width: 100, height: 50 }, 0.25, { left: 175, top: 100, width: 150, height: 150 }],
  ['a tall box: a square of its height', { left: 300, top: 100, width: 20, height: 100 }, 0, { left: 260, top: 100, width: 100, height: 100 }],
  ['a box at the top-left corner: the square slides inside the image', { left: 0, top: 0, width: 40, height: 40 }, 0.5, { left: 0, top: 0, width: 80, height: 80 }],
  ['a box at the bottom-right corner: slides back inside', { left: 600, top: 440, width: 40, height: 40 }, 0.5, { left: 560, top: 400, width: 80, height: 80 }],
  ['a box larger than the image: the image\'s shorter side', { left: 0, top: 0, width: 640, height: 480 }, 0.25, { left: 80, top: 0, width: 480, height: 480 }],
])('%s', (_, box, margin, expected) => {
  expect(zoomRect(box, { width: 640, height: 480 }, margin)).toEqual(expected);
});

test('the zoom\'s input is the crop resized to its square, from the right place in the image', async () => {
  // A gray image with a red square at (100, 60)–(140, 100).
  const gray = await sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 128, g: 128, b: 128 } } })
    .composite([{ input: await sharp({ create: { width: 40, height: 40, channels: 3, background: { r: 255, g: 0, b: 0 } } }).png().toBuffer(), left: 100, top: 60 }])
    .png()
    .toBuffer();
  const image = await decodeRgb(new Uint8Array(gray));
  const input = await zoomInput(image, zoomRect({ left: 100, top: 60, width: 40, height: 40 }, image, 0.25), 32);
  expect(input).toMatchObject({ width: 60, height: 60, side: 32 });
  expect(input.pixels.length).toBe(32 * 32 * 3);
  const at = (x: number, y: number) => Array.from(input.pixels.subarray((y * 32 + x) * 3, (y * 32 + x) * 3 + 3));
  expect(at(16, 16)).toEqual([255, 0, 0]);
  expect(at(1, 1)).toEqual([128, 128, 128]);
});

test('the descriptor is the fine map\'s channel means and maxima, then the coarse map\'s', () => {
  const fine = { width: 2, height: 1, channels: 2, data: Float32Array.of(1, -4, 3, -2) };
  const coarse = { width: 1, height: 1, channels: 1, data: Float32Array.of(5) };
  expect(Array.from(zoomDescriptor({ fine, coarse }))).toEqual([2, -3, 3, -2, 5, 5]);
});

test('the real backbone at the zoom\'s side describes a crop with a fine and a coarse map of that side', async () => {
  const image = await decodeRgb(new Uint8Array((await photo(LOGO_NAMES[0], 120, 90, 3)).jpeg));
  const sizes: number[] = [];
  const x = await describeCrop(image, { left: 120, top: 90, width: 180, height: 120 }, { side: 160, margin: 0.25 }, async (input) => {
    const f = await backboneFeatures(input);
    sizes.push(f.fine.width, f.fine.height, f.coarse.width, f.coarse.height);
    return f;
  });
  expect(sizes).toEqual([20, 20, 10, 10]);
  expect(x.length).toBe(2 * (192 + 256));
  expect(x.some((v) => v > 0)).toBe(true);
}, 60_000);
