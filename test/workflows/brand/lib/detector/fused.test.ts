/**
 * The fused detector on generated photos (the real backbone, a head trained on a dozen photos): the
 * artefact is plain JSON naming its backbone and threshold, each logo is found at a new place with a
 * box, a photo without a logo gets nothing at 50 or above, a model of another backbone is refused, and
 * a format-2 model (ORB templates) still loads.
 */
import { FUSED_MODEL_FORMAT, FUSED_MODEL_FORMAT_2, load, train, type FusedLogoModel, type FusedLogoModel2, type TrainingExample } from '../../../../../workflows/brand/lib/detector';
import { BACKBONE } from '../../../../../workflows/brand/lib/detector/backbone';
import { DEFAULT_CANDIDATES, fusedCandidates, KEYPOINTS } from '../../../../../workflows/brand/lib/detector/fused';
import type { ValidationImage } from '../../../../../workflows/brand/lib/detector/fusion';
import { serialiseTemplate } from '../../../../../workflows/brand/lib/detector/model';
import { richestTemplates } from '../../../../../workflows/brand/lib/detector/orb-detector';
import { LOGO_NAMES, photo } from '../../fixture';

let model: FusedLogoModel;
let validation: readonly ValidationImage[] = [];
const examples: Array<TrainingExample & { name: string }> = [];

beforeAll(async () => {
  const places: Array<[number, number]> = [[20, 30], [260, 200], [150, 100], [40, 220], [280, 20], [100, 160]];
  for (const [l, name] of LOGO_NAMES.entries()) {
    for (const [i, [left, top]] of places.entries()) {
      const { jpeg, box } = await photo(name, left, top, 50 + 10 * l + i);
      examples.push({ name: `${name}-${i}.jpg`, image: new Uint8Array(jpeg), boxes: [{ label: name, left: box![0], top: box![1], width: 180, height: 120 }] });
    }
  }
  model = JSON.parse(JSON.stringify(await train(examples, { head: { epochs: 6 }, onValidation: (images) => (validation = images) })));
}, 120_000);

test('the model is plain JSON: format, backbone, labels, head, templates and a fixed threshold', () => {
  expect(model).toMatchObject({ format: FUSED_MODEL_FORMAT, backbone: BACKBONE, labels: [...LOGO_NAMES].sort(), candidates: DEFAULT_CANDIDATES });
  const { templateSide: _side, templateFeatures: _features, ...settings } = KEYPOINTS;
  expect(model.keypoints).toMatchObject(settings);
  expect(model.head.classes).toBe(LOGO_NAMES.length + 1);
  expect(model.keypoints.templates.length).toBeGreaterThan(0);
  expect(model.fusion.threshold).toBeGreaterThan(0);
  expect(model.fusion.threshold).toBeLessThan(1);
  expect(model.validation.images).toBeGreaterThanOrEqual(2);
});

test.each(LOGO_NAMES)('%s is found at a new place with confidence ≥ 50 and a box around it', async (name) => {
  const { jpeg } = await photo(name, 200, 40, 777);
  const [top] = (await load(model).detect(new Uint8Array(jpeg))).filter((d) => d.confidence >= 50);
  expect(top?.name).toBe(name);
  // The logo covers x 200–380 of 480 and y 40–160 of 360.
  expect(top!.box.left + top!.box.width / 2).toBeCloseTo(290 / 480, 1);
  expect(top!.box.top + top!.box.height / 2).toBeCloseTo(100 / 360, 1);
});

test('a photo without a logo has no detection at 50 or above', async () => {
  const { jpeg } = await photo(undefined, 0, 0, 779);
  expect((await load(model).detect(new Uint8Array(jpeg))).filter((d) => d.confidence >= 50)).toEqual([]);
});

test('validation candidates reach onValidation in the head\'s order, as many per image as the model verifies', () => {
  expect(validation.length).toBe(model.validation.images);
  for (const image of validation) {
    expect(image.candidates).toHaveLength(Math.min(model.candidates, LOGO_NAMES.length));
    const heads = image.candidates.map((c) => c.head);
    expect(heads).toEqual([...heads].sort((a, b) => b - a));
  }
});

test('fusedCandidates gives the head\'s best brands first, and a narrower breadth is their head', async () => {
  const { jpeg } = await photo(LOGO_NAMES[0]!, 200, 40, 778);
  const image = new Uint8Array(jpeg);
  const all = await fusedCandidates(model, undefined, LOGO_NAMES.length)(image);
  expect(all.map((c) => c.label).sort()).toEqual([...LOGO_NAMES].sort());
  expect(await fusedCandidates(model, undefined, 1)(image)).toEqual(all.slice(0, 1));
});

test('a model trained on another backbone is refused', () => {
  expect(() => load({ ...model, backbone: 'other' })).toThrow(`The model was trained on backbone other, not ${BACKBONE}`);
});

test('a format-2 model, verified by ORB templates, still loads and finds a logo', async () => {
  const { keypoints: _keypoints, format: _format, ...rest } = model;
  const templates = await richestTemplates(examples, { kind: 'orb' });
  const old: FusedLogoModel2 = { ...rest, format: FUSED_MODEL_FORMAT_2, orb: { imageSide: 640, imageFeatures: 1500, templates: templates.map(serialiseTemplate) } };
  const { jpeg } = await photo(LOGO_NAMES[1]!, 200, 40, 780);
  const [top] = (await load(JSON.parse(JSON.stringify(old))).detect(new Uint8Array(jpeg))).filter((d) => d.confidence >= 50);
  expect(top?.name).toBe(LOGO_NAMES[1]);
});
