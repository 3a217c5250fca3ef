/**
 * The keypoint verifier per feature type: each finds a logo template in a new photo at its place, the
 * feature budget holds, enlarging scales the image up, and templates of another descriptor size are
 * refused rather than matched as garbage. The logo is a pattern of random blocks: AKAZE and BRISK find
 * too few points on the fixture's flat drawn logos, as on flat real ones.
 */
import sharp from 'sharp';
import { cropGray, decodeGray } from '../../../../../workflows/brand/lib/detector/gray';
import { descriptorBytes, KEYPOINT_KINDS, keypointFeatures, matchTemplates, type Template } from '../../../../../workflows/brand/lib/detector/orb';
import { photo } from '../../fixture';

/** A 180×120 logo of 10-px blocks in random grays. */
async function blocks(): Promise<Buffer> {
  const pixels = Buffer.alloc(18 * 12);
  let x = 12345;
  for (let i = 0; i < pixels.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = ((x >> 16) % 4) * 80;
  }
  return sharp(pixels, { raw: { width: 18, height: 12, channels: 1 } }).resize(180, 120, { kernel: 'nearest' }).png().toBuffer();
}

/** A photo of noise with the block logo at (left, top). */
async function logoPhoto(left: number, top: number, seed: number): Promise<Buffer> {
  const { jpeg } = await photo(undefined, 0, 0, seed);
  return sharp(jpeg).composite([{ input: await blocks(), left, top }]).jpeg({ quality: 92 }).toBuffer();
}

async function template(kind: (typeof KEYPOINT_KINDS)[number]): Promise<Template> {
  const jpeg = await logoPhoto(20, 30, 61);
  const crop = (await cropGray(jpeg, { left: 20, top: 30, width: 180, height: 120 }, 160))!;
  return { label: 'Acme', source: 'a.jpg', width: crop.width, height: crop.height, features: await keypointFeatures(crop, 150, kind) };
}

test.each([
  ['orb', 32],
  ['akaze', 64],
  ['brisk', 64],
] as const)('%s descriptors take %i bytes each, at most the budget of them', async (kind, bytes) => {
  const { jpeg } = await photo('Zeta', 100, 100, 62);
  const features = await keypointFeatures(await decodeGray(jpeg, 640), 80, kind);
  expect(features.points.length / 2).toBeGreaterThan(10);
  expect(features.points.length / 2).toBeLessThanOrEqual(80);
  expect(descriptorBytes(features)).toBe(bytes);
});

test.each(KEYPOINT_KINDS)('%s finds the template in a new photo where the logo is', async (kind) => {
  const image = await decodeGray(await logoPhoto(240, 180, 63), 640);
  const [match] = await matchTemplates(await keypointFeatures(image, 1500, kind), [await template(kind)], 8);
  expect(match?.label).toBe('Acme');
  const xs = match!.corners.map(([x]) => x);
  const ys = match!.corners.map(([, y]) => y);
  // The logo covers x 240–420 and y 180–300 of the 480×360 photo.
  expect((Math.min(...xs) + Math.max(...xs)) / 2).toBeCloseTo(330, -1.5);
  expect((Math.min(...ys) + Math.max(...ys)) / 2).toBeCloseTo(240, -1.5);
});

test('no logo, no match', async () => {
  const { jpeg } = await photo(undefined, 0, 0, 64);
  expect(await matchTemplates(await keypointFeatures(await decodeGray(jpeg, 640), 1500, 'akaze'), [await template('akaze')], 8)).toEqual([]);
});

test.each([
  [false, 480],
  [true, 960],
])('enlarge %s: a 480-px photo is read at %i px for a 960-px side', async (enlarge, width) => {
  const { jpeg } = await photo(undefined, 0, 0, 65);
  expect((await decodeGray(jpeg, 960, enlarge)).width).toBe(width);
});

test('templates of another feature type are refused', async () => {
  const image = await keypointFeatures(await decodeGray(await logoPhoto(240, 180, 66), 640), 1500, 'orb');
  await expect(matchTemplates(image, [await template('akaze')], 8)).rejects.toThrow('Templates of 64-byte descriptors cannot match an image\'s 32-byte ones');
});
