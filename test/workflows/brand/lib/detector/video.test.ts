/**
 * The fused detector over a video's frames, with a stand-in backbone (empty feature maps) and a head
 * whose biases alone rank the brands, so which brands a key frame proposes is known: the backbone runs
 * on key frames only (the first, every K, and at a cut); a frame between is verified with ORB against
 * the brands the key frame matched, all it proposed on a sweep; a key frame's detections are what
 * the photo path reports for it; our RANSAC decides as OpenCV's.
 */
import sharp from 'sharp';
import type { FeatureMap, ImageFeatures } from '../../../../../workflows/brand/lib/detector/backbone';
import { BACKBONE } from '../../../../../workflows/brand/lib/detector/backbone';
import { loadFused } from '../../../../../workflows/brand/lib/detector/fused';
import { FUSED_MODEL_FORMAT, serialiseTemplate, serialiseWeights, type FusedLogoModel } from '../../../../../workflows/brand/lib/detector/model';
import { richestTemplates } from '../../../../../workflows/brand/lib/detector/orb-detector';
import { descriptorLength } from '../../../../../workflows/brand/lib/detector/regions';
import { openCv } from '../../../../../workflows/brand/lib/detector/opencv';
import { openCvHomography } from '../../../../../workflows/brand/lib/detector/orb';
import { loadFusedVideo } from '../../../../../workflows/brand/lib/detector/video';
import { LOGO_NAMES, photo } from '../../fixture';

const LABELS = [...LOGO_NAMES].sort();
const [FIRST, SECOND] = LABELS as [string, string];
const map = (side: number): FeatureMap => ({ width: side, height: side, channels: 2, data: new Float32Array(side * side * 2) });
const emptyFeatures = (): ImageFeatures => ({ fine: map(8), coarse: map(4), width: 480, height: 360 });

let templates: FusedLogoModel['orb']['templates'];

beforeAll(async () => {
  const examples = [];
  for (const name of LABELS) {
    for (const [i, [left, top]] of ([[20, 30], [260, 200], [150, 100]] as Array<[number, number]>).entries()) {
      const { jpeg, box } = await photo(name, left, top, 60 + i);
      examples.push({ name: `${name}-${i}.jpg`, image: new Uint8Array(jpeg), boxes: [{ label: name, left: box![0], top: box![1], width: 180, height: 120 }] });
    }
  }
  templates = (await richestTemplates(examples)).map(serialiseTemplate);
}, 60_000);

/**
 * A model whose head gives every window the same probabilities, FIRST's highest, and whose fusion
 * reports a verified brand at 8 inliers or more whatever the head says.
 */
function model(candidates: number): FusedLogoModel {
  const dim = descriptorLength(emptyFeatures());
  return {
    format: FUSED_MODEL_FORMAT,
    backbone: BACKBONE,
    labels: LABELS,
    head: { classes: 3, dim, weights: serialiseWeights(new Float32Array(3 * dim)), bias: [0, 2, 1] },
    candidates,
    orb: { imageSide: 640, imageFeatures: 1500, templates },
    fusion: { headWeight: 0, orbWeight: 1, bias: -Math.log1p(8), threshold: 0.5, fitted: false },
    validation: { images: 0, accuracy: 0, precision: 0, recall: 0 },
  };
}

/** The stand-in backbone, counting its calls. */
function backbone() {
  const calls = { count: 0 };
  return { calls, features: async () => (calls.count++, emptyFeatures()) };
}

const frameOf = async (name: string | undefined, left: number, top: number) => new Uint8Array((await photo(name, left, top, 5)).jpeg);
const dark = async () => new Uint8Array(await sharp({ create: { width: 480, height: 360, channels: 3, background: { r: 10, g: 10, b: 10 } } }).jpeg().toBuffer());

test('a sequence starts on a key frame and takes one every K frames; only key frames reach the backbone', async () => {
  const { calls, features } = backbone();
  const frames = await Promise.all([0, 1, 2, 3, 4, 5, 6].map(() => frameOf(FIRST, 100, 80)));
  const results = await loadFusedVideo(model(1), { rule: { every: 3, cut: 20 }, features }).detectFrames(frames);
  expect(results.map((r) => r.key)).toEqual([true, false, false, true, false, false, true]);
  expect(calls.count).toBe(3);
  // The logo is verified on every frame, key or not.
  expect(results.map((r) => r.detections.map((d) => d.name))).toEqual(frames.map(() => [FIRST]));
});

test('a cut (the picture changes beyond the threshold) makes a key frame before K frames have passed', async () => {
  const { calls, features } = backbone();
  const frames = [await frameOf(FIRST, 100, 80), await frameOf(FIRST, 110, 80), await dark(), await dark(), await frameOf(FIRST, 100, 80)];
  const results = await loadFusedVideo(model(1), { rule: { every: 10, cut: 20 }, features }).detectFrames(frames);
  expect(results.map((r) => r.key)).toEqual([true, false, true, false, true]);
  expect(calls.count).toBe(3);
});

test('between key frames only the key frame\'s brands are verified, at their new places', async () => {
  const { features } = backbone();
  // The second brand's logo, then the first's moved: same background, no cut, no key frame.
  const frames = [await frameOf(FIRST, 40, 40), await frameOf(SECOND, 260, 200), await frameOf(FIRST, 260, 200)];
  const narrow = await loadFusedVideo(model(1), { rule: { every: 10, cut: 255 }, features }).detectFrames(frames);
  expect(narrow.map((r) => r.key)).toEqual([true, false, false]);
  expect(narrow.map((r) => r.verified)).toEqual([[FIRST], [FIRST], [FIRST]]);
  expect(narrow[1]!.detections).toEqual([]);
  const moved = narrow[2]!.detections[0]!;
  expect(moved.name).toBe(FIRST);
  // The logo covers x 260–440 of 480 and y 200–320 of 360: the box is the match's, not the key frame's.
  expect(moved.box.left + moved.box.width / 2).toBeCloseTo(350 / 480, 1);
  expect(moved.box.top + moved.box.height / 2).toBeCloseTo(260 / 360, 1);
  // Proposed by the key frame, the second brand is found on the same frame when every proposed brand is verified ...
  const wide = await loadFusedVideo(model(2), { rule: { every: 10, cut: 255 }, features, sweep: 1 }).detectFrames(frames);
  expect(wide[1]!.verified).toEqual([FIRST, SECOND]);
  expect(wide[1]!.detections.map((d) => d.name)).toEqual([SECOND]);
  // ... and waits for the next sweep or key frame when only the brands ORB matched on the key frame are (the default).
  const matched = await loadFusedVideo(model(2), { rule: { every: 10, cut: 255 }, features }).detectFrames(frames);
  expect(matched.map((r) => r.verified)).toEqual([[FIRST, SECOND], [FIRST], [FIRST]]);
  expect(matched[1]!.detections).toEqual([]);
  expect(matched[2]!.detections).toEqual(wide[2]!.detections);
});

test('verifying only the key frame\'s matched brands finds what verifying all it proposed finds of them, and no chance match of the others', async () => {
  const frames = [
    ...(await Promise.all([[40, 40], [60, 50], [90, 70]].map(([x, y]) => frameOf(FIRST, x!, y!)))),
    ...(await Promise.all([[40, 40], [80, 60], [100, 80]].map(([x, y]) => frameOf(SECOND, x!, y!)))),
    await frameOf(undefined, 0, 0),
  ];
  const rule = { every: 3, cut: 255 };
  const all = await loadFusedVideo(model(2), { rule, features: backbone().features, sweep: 1 }).detectFrames(frames);
  const matched = await loadFusedVideo(model(2), { rule, features: backbone().features }).detectFrames(frames);
  for (const [i, frame] of matched.entries()) expect(frame.detections).toEqual(all[i]!.detections.filter((d) => frame.verified.includes(d.name)));
  // Verifying every proposed brand also finds the second logo on a frame of the first by chance.
  expect(all.flatMap((r, i) => r.detections.filter((d) => d.name === SECOND && i < 3))).not.toEqual([]);
  expect(matched.map((r) => r.key)).toEqual([true, false, false, true, false, false, true]);
  expect(matched.map((r) => r.detections.map((d) => d.name))).toEqual([[FIRST], [FIRST], [FIRST], [SECOND], [SECOND], [SECOND], []]);
  // The frames after a key frame without a match need no ORB at all.
  const empty = await loadFusedVideo(model(2), { rule: { every: 10, cut: 255 }, features: backbone().features }).detectFrames([await frameOf(undefined, 0, 0), await frameOf(FIRST, 40, 40)]);
  expect(empty.map((r) => r.verified)).toEqual([[FIRST, SECOND], []]);
  expect(empty[1]!.detections).toEqual([]);
});

test('a logo that comes on screen after its key frame is found from the next sweep on', async () => {
  const frames = [await frameOf(undefined, 0, 0), ...(await Promise.all([[40, 40], [60, 50], [80, 60]].map(([x, y]) => frameOf(FIRST, x!, y!))))];
  const rule = { every: 10, cut: 255 };
  const swept = await loadFusedVideo(model(2), { rule, features: backbone().features, sweep: 2 }).detectFrames(frames);
  // The key frame matched nothing, so the next frame verifies nothing; the sweep verifies both, and what it matched stays verified.
  expect(swept.slice(0, 3).map((r) => r.verified)).toEqual([[FIRST, SECOND], [], [FIRST, SECOND]]);
  expect(swept[3]!.verified).toContain(FIRST);
  expect(swept.map((r) => r.detections.some((d) => d.name === FIRST))).toEqual([false, false, true, true]);
  const never = await loadFusedVideo(model(2), { rule, features: backbone().features, sweep: Infinity }).detectFrames(frames);
  expect(never.map((r) => r.detections)).toEqual([[], [], [], []]);
});

test('our RANSAC gives the video path the detections OpenCV\'s gives it', async () => {
  const frames = [await frameOf(FIRST, 40, 40), await frameOf(FIRST, 200, 150), await frameOf(SECOND, 100, 80), await frameOf(SECOND, 110, 90)];
  const rule = { every: 2, cut: 255 };
  const ours = await loadFusedVideo(model(2), { rule, features: backbone().features }).detectFrames(frames);
  const theirs = await loadFusedVideo(model(2), { rule, features: backbone().features, homography: openCvHomography(await openCv()) }).detectFrames(frames);
  expect(ours).toEqual(theirs);
  expect(ours.map((r) => r.detections.map((d) => d.name))).toEqual([[FIRST], [FIRST], [SECOND], [SECOND]]);
});

test('a key frame\'s detections are what the photo path reports for the same image', async () => {
  const frames = [await frameOf(FIRST, 100, 80), await frameOf(SECOND, 200, 150), await frameOf(undefined, 0, 0)];
  const video = await loadFusedVideo(model(2), { rule: { every: 1, cut: 255 }, features: backbone().features }).detectFrames(frames);
  const photos = loadFused(model(2), async () => emptyFeatures());
  for (const [i, frame] of frames.entries()) expect(video[i]!.detections).toEqual(await photos.detect(frame));
  expect(video.map((r) => r.detections.map((d) => d.name))).toEqual([[FIRST], [SECOND], []]);
});
