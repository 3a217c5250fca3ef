/**
 * The fused detector on generated photos (the real backbone, a head trained on a dozen photos): the
 * artefact is plain JSON naming its backbone and threshold, each logo is found at a new place with a
 * box, a photo without a logo gets nothing at 50 or above, detection (which skips verifying brands
 * that cannot reach 50) reports what fusing every verified candidate reports, and a model of another
 * backbone is refused; a model with the zoomed second look fuses its probability the same way, and a
 * model whose format and zoom disagree is refused.
 */
import { FUSED_MODEL_FORMAT, FUSED_ZOOM_MODEL_FORMAT, load, train, type FusedLogoModel } from '../../../../../workflows/brand/lib/detector';
import { serialiseHead } from '../../../../../workflows/brand/lib/detector/model';
import { BACKBONE } from '../../../../../workflows/brand/lib/detector/backbone';
import { DEFAULT_CANDIDATES, fusedCandidates, inlierFloor } from '../../../../../workflows/brand/lib/detector/fused';
import { confidence, fusedScore, type Fusion, type ValidationImage } from '../../../../../workflows/brand/lib/detector/fusion';
import { LOGO_NAMES, photo } from '../../fixture';

let model: FusedLogoModel;
let validation: readonly ValidationImage[] = [];
const examples: Array<{ name: string; image: Uint8Array; boxes: Array<{ label: string; left: number; top: number; width: number; height: number }> }> = [];

beforeAll(async () => {
  const places: Array<[number, number]> = [[20, 30], [260, 200], [150, 100], [40, 220], [280, 20], [100, 160]];
  for (const [l, name] of LOGO_NAMES.entries()) {
    for (const [i, [left, top]] of places.entries()) {
      const { jpeg, box } = await photo(name, left, top, 50 + 10 * l + i);
      examples.push({ name: `${name}-${i}.jpg`, image: new Uint8Array(jpeg), boxes: [{ label: name, left: box![0], top: box![1], width: 180, height: 120 }] });
    }
  }
  model = JSON.parse(JSON.stringify(await train(examples, { head: { epochs: 6 }, zoom: false, onValidation: (images) => (validation = images) })));
}, 120_000);

test('the model is plain JSON: format, backbone, labels, head, templates and a fixed threshold', () => {
  expect(model).toMatchObject({ format: FUSED_MODEL_FORMAT, backbone: BACKBONE, labels: [...LOGO_NAMES].sort(), candidates: DEFAULT_CANDIDATES });
  expect(model.head.classes).toBe(LOGO_NAMES.length + 1);
  expect(model.orb.templates.length).toBeGreaterThan(0);
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

test.each([
  ['a logo', LOGO_NAMES[1]!, 780],
  ['no logo', undefined, 781],
])('with %s, detection reports exactly the candidates that fusing every verified one puts at 50 or above', async (_, name, seed) => {
  const { jpeg } = await photo(name, 120, 90, seed);
  const image = new Uint8Array(jpeg);
  const everything = (await fusedCandidates(model)(image))
    .map((c) => ({ name: c.label, confidence: confidence(model.fusion, fusedScore(model.fusion, c)), box: c.box }))
    .filter((d) => d.confidence >= 50 && d.box.width > 0 && d.box.height > 0)
    .sort((a, b) => b.confidence - a.confidence);
  expect(everything.length > 0).toBe(name !== undefined);
  expect(await load(model).detect(image)).toEqual(everything);
});

describe('inlierFloor', () => {
  const fusion: Fusion = { headWeight: 1.2, orbWeight: 1.9, bias: -3.3, threshold: 0.7 };
  const reaches = (f: Fusion, head: number, inliers: number) => confidence(f, fusedScore(f, { head, inliers })) >= 50;

  test.each([0.01, 0.05, 0.2, 0.5, 0.9])('head %p: the first inlier count that reaches 50', (head) => {
    const floor = inlierFloor(fusion, { head }, 1000);
    expect(reaches(fusion, head, floor)).toBe(true);
    if (floor > 0) expect(reaches(fusion, head, floor - 1)).toBe(false);
  });

  test('Infinity when even the most inliers cannot reach 50; 0 when inliers do not raise the score', () => {
    expect(inlierFloor(fusion, { head: 0.001 }, 20)).toBe(Infinity);
    expect(inlierFloor({ ...fusion, orbWeight: 0 }, { head: 0.001 }, 20)).toBe(0);
  });
});

test('a model trained on another backbone is refused', () => {
  expect(() => load({ ...model, backbone: 'other' })).toThrow(`The model was trained on backbone other, not ${BACKBONE}`);
});

describe('a model with the zoomed second look (format 4)', () => {
  /** The trained model with a zoom head that gives every crop the same probabilities: none 0.2, then the labels'. */
  const zoomModel = (zoomed: number): FusedLogoModel => {
    const bias = [0, ...LOGO_NAMES.map((_, i) => i + 1)];
    const dim = 2 * (192 + 256);
    return {
      ...model,
      format: FUSED_ZOOM_MODEL_FORMAT,
      fusion: { ...model.fusion, zoomWeight: 0.8 },
      zoom: { side: 64, margin: 0.25, zoomed, head: serialiseHead({ classes: bias.length, dim, weights: new Float32Array(bias.length * dim), bias: Float32Array.from(bias) }) },
    };
  };
  const softmax = (bias: number[]) => bias.map((b) => Math.exp(b) / bias.reduce((sum, v) => sum + Math.exp(v), 0));

  test('every candidate carries the zoom head\'s probability for its label, and detection fuses it', async () => {
    const zoomed = zoomModel(1);
    const { jpeg } = await photo(LOGO_NAMES[1]!, 120, 90, 782);
    const image = new Uint8Array(jpeg);
    const candidates = await fusedCandidates(zoomed)(image);
    const p = softmax([0, ...LOGO_NAMES.map((_, i) => i + 1)]);
    for (const c of candidates) expect(c.zoom).toBeCloseTo(p[1 + zoomed.labels.indexOf(c.label)]!, 5);
    const everything = candidates
      .map((c) => ({ name: c.label, confidence: confidence(zoomed.fusion, fusedScore(zoomed.fusion, c)), box: c.box }))
      .filter((d) => d.confidence >= 50 && d.box.width > 0 && d.box.height > 0)
      .sort((a, b) => b.confidence - a.confidence);
    expect(await load(zoomed).detect(image)).toEqual(everything);
  });

  test('training adds it unless told not to: the artefact names its crops, and a logo is still found', async () => {
    const trained = JSON.parse(JSON.stringify(await train(examples, { head: { epochs: 6 }, zoom: { side: 64, zoomed: 2 } }))) as FusedLogoModel;
    expect(trained).toMatchObject({ format: FUSED_ZOOM_MODEL_FORMAT, zoom: { side: 64, margin: 0.25, zoomed: 2, head: { classes: LOGO_NAMES.length + 1, dim: 2 * (192 + 256) } } });
    expect(trained.fusion.zoomWeight).toEqual(expect.any(Number));
    const { jpeg } = await photo(LOGO_NAMES[0]!, 200, 40, 783);
    const [top] = (await load(trained).detect(new Uint8Array(jpeg))).filter((d) => d.confidence >= 50);
    expect(top?.name).toBe(LOGO_NAMES[0]);
  }, 120_000);

  test.each([
    ['format 4 without the zoom', () => ({ ...zoomModel(1), zoom: undefined }), 'A model of format statecraft-fused-logo-detector/4 needs the zoomed second look'],
    ['format 2 with a zoom', () => ({ ...zoomModel(1), format: FUSED_MODEL_FORMAT }), 'A model of format statecraft-fused-logo-detector/2 cannot have the zoomed second look'],
    ['format 3 (the verifier experiment)', () => ({ ...zoomModel(1), format: 'statecraft-fused-logo-detector/3' }), 'Not a logo detector model: format statecraft-fused-logo-detector/3'],
  ])('%s is refused, naming the format', (_, made, message) => {
    expect(() => load(made() as FusedLogoModel)).toThrow(message);
  });
});
