/**
 * The keypoint-only detector (format 1) on generated photos: trained on a few placements of two textured logos, it finds each
 * logo at a new place and scale with its box, and reports nothing on a photo without one.
 */
import sharp from 'sharp';
import { MODEL_FORMAT, type LogoModel } from '../../../../../workflows/brand/lib/detector/model';
import { loadOrb as load, trainOrb as train } from '../../../../../workflows/brand/lib/detector/orb-detector';
import { LOGO_NAMES, photo } from '../../fixture';

let model: LogoModel;

beforeAll(async () => {
  const examples = [];
  for (const [l, name] of LOGO_NAMES.entries()) {
    for (const [i, [left, top]] of ([[20, 30], [260, 200], [150, 100]] as Array<[number, number]>).entries()) {
      const { jpeg, box } = await photo(name, left, top, 50 + 10 * l + i);
      examples.push({ name: `${name}-${i}.jpg`, image: jpeg, boxes: [{ label: name, left: box![0], top: box![1], width: 180, height: 120 }] });
    }
  }
  model = JSON.parse(JSON.stringify(await train(examples, { calibrationImages: 6 })));
}, 60_000);

test('the model is plain JSON with the labels, a threshold and templates', () => {
  expect(model.format).toBe(MODEL_FORMAT);
  expect(model.labels).toEqual([...LOGO_NAMES].sort());
  expect(model.minInliers).toBeGreaterThanOrEqual(8);
  expect(model.templates).toHaveLength(6);
});

test.each(LOGO_NAMES)('%s is found at a new place with confidence ≥ 50 and a box around it', async (name) => {
  const { jpeg } = await photo(name, 200, 40, 777);
  const detections = (await load(model).detect(jpeg)).filter((d) => d.confidence >= 50);
  expect(detections[0]?.name).toBe(name);
  const box = detections[0]!.box;
  // The logo covers x 200–380 of 480 and y 40–160 of 360.
  expect(box.left).toBeCloseTo(200 / 480, 1);
  expect(box.top).toBeCloseTo(40 / 360, 1);
  expect(box.width).toBeCloseTo(180 / 480, 1);
  expect(box.height).toBeCloseTo(120 / 360, 1);
});

test('a logo shown smaller is still found', async () => {
  const { jpeg } = await photo('Acme', 100, 100, 778);
  const small = await sharp(jpeg).resize(360, 270).jpeg().toBuffer();
  const detections = (await load(model).detect(small)).filter((d) => d.confidence >= 50);
  expect(detections.map((d) => d.name)).toContain('Acme');
});

test('a photo without a logo has no detection at 50 or above', async () => {
  const { jpeg } = await photo(undefined, 0, 0, 779);
  expect((await load(model).detect(jpeg)).filter((d) => d.confidence >= 50)).toEqual([]);
});

test('a model of another format is refused', () => {
  expect(() => load({ ...model, format: 'other' as typeof MODEL_FORMAT })).toThrow('Not a logo detector model: format other');
});
