/**
 * The keypoint verifier alone on FlickrLogos-27, per feature type and size, to rank verifiers in
 * minutes before a full `bench:brand-detector` run. Templates are the richest crops per brand of the
 * seeded 80 % (as training keeps them); the inlier threshold is chosen on training photos (matched
 * only against templates from other photos) plus no-logo crops of them: the smallest with
 * precision ≥ 0.95 there, best F1 among those. It is then fixed and the held-out photos and no-logo
 * crops of them are scored: each image's best verified brand, or none below the threshold.
 *
 * Usage: npm run bench:brand-keypoints -- [--variants V,V…] [--per-label 5] [--photos 60] [--crops 20]
 * A variant is `kind:imageSide:imageFeatures:templateSide:templateFeatures`, kind orb, akaze or brisk;
 * an image side ending in `e` enlarges smaller photos to it (FlickrLogos photos are mostly 500 px).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFlickrLogos, splitByImage, type Box } from '../workflows/brand/lib/annotations';
import { cropGray, decodeGray } from '../workflows/brand/lib/detector/gray';
import { noLogoCrop } from '../workflows/brand/lib/detector/negatives';
import { keypointFeatures, KEYPOINT_KINDS, matchTemplates, type KeypointKind, type Template } from '../workflows/brand/lib/detector/orb';

const DATA = path.resolve(__dirname, '../../shared/data/brand/flickrlogos27');
const FLOOR = 8;

interface Verifier {
  kind: KeypointKind;
  /** Longest side photos are scaled to before their keypoints are found. */
  imageSide: number;
  /** Whether smaller photos are enlarged to `imageSide` (else only larger ones are reduced). */
  enlarge: boolean;
  imageFeatures: number;
  /** Longest side of a template crop. */
  templateSide: number;
  templateFeatures: number;
}

/** `KIND:SIDE:FEATURES:TEMPLATE_SIDE:TEMPLATE_FEATURES`, a side ending in `e` enlarging smaller photos to it. */
function parseVerifier(text: string): Verifier {
  const [kind, side, imageFeatures, templateSide, templateFeatures] = text.split(':');
  if (!KEYPOINT_KINDS.includes(kind as KeypointKind)) throw new RangeError(`Unknown keypoint kind ${kind}: one of ${KEYPOINT_KINDS.join(', ')}`);
  const numbers = [parseInt(side ?? '', 10), Number(imageFeatures), Number(templateSide), Number(templateFeatures)];
  if (!numbers.every((n) => n > 0)) throw new RangeError(`A verifier is KIND:SIDE:FEATURES:TEMPLATE_SIDE:TEMPLATE_FEATURES, not ${text}`);
  return { kind: kind as KeypointKind, imageSide: numbers[0]!, enlarge: side!.endsWith('e'), imageFeatures: numbers[1]!, templateSide: numbers[2]!, templateFeatures: numbers[3]! };
}

type Variant = Verifier & { name: string };

interface Scene {
  name: string;
  bytes: Uint8Array;
  truth: Set<string>;
}

interface Outcome {
  truth: Set<string>;
  label?: string;
  inliers: number;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const listed = value('--variants') ?? 'orb:640:1500:160:150,akaze:640:1500:160:150,brisk:640:1500:160:150';
  const variants: Variant[] = listed.split(',').map((text) => ({ ...parseVerifier(text), name: text }));
  const perLabel = Number(value('--per-label') ?? 5);
  const photos = Number(value('--photos') ?? 60);
  const crops = Number(value('--crops') ?? 20);
  const { images } = parseFlickrLogos(readFileSync(path.join(DATA, 'annotations.txt'), 'utf8'));
  const { train, test } = splitByImage(images, 0.2, 42);
  const bytes = (name: string) => new Uint8Array(readFileSync(path.join(DATA, 'images', name)));
  // The split lists photos brand by brand: take them evenly spread so every brand is in the sample.
  const spread = <T>(list: readonly T[], count: number): T[] => Array.from({ length: Math.min(count, list.length) }, (_, i) => list[Math.floor((i * list.length) / Math.min(count, list.length))]!);
  const scenes = async (side: typeof train): Promise<Scene[]> => {
    const out: Scene[] = spread(side, photos).map((i) => ({ name: i.image, bytes: bytes(i.image), truth: new Set(i.boxes.map((b) => b.label)) }));
    const clear: Scene[] = [];
    for (const i of side) {
      const crop = await noLogoCrop(bytes(i.image), i.boxes);
      if (crop) clear.push({ name: `${i.image}#clear`, bytes: crop, truth: new Set() });
    }
    return [...out, ...spread(clear, crops)];
  };
  const calibration = await scenes(train);
  const heldOut = await scenes(test);
  console.log(`templates: the ${perLabel} richest per brand of ${train.length} training photos; calibration ${photos} training photos + ${calibration.length - photos} no-logo crops; held out ${photos} photos + ${heldOut.length - photos} no-logo crops`);
  console.log('variant                          threshold  calib prec/rec  held-out prec/rec (photos)  crops given a brand  s/image (held out)  templates s');
  for (const variant of variants) {
    let started = Date.now();
    const templates = await richest(train.map((i) => ({ name: i.image, boxes: i.boxes })), bytes, variant, perLabel);
    const templateSeconds = (Date.now() - started) / 1000;
    const calibrated = await outcomes(calibration, templates, variant, true);
    const threshold = choose(calibrated);
    started = Date.now();
    const held = await outcomes(heldOut, templates, variant, false);
    const perImage = (Date.now() - started) / 1000 / heldOut.length;
    const c = score(calibrated, threshold);
    const h = score(held, threshold);
    console.log(
      `${variant.name.padEnd(32)} ${String(threshold).padStart(9)}  ${c.precision.toFixed(3)} / ${c.recall.toFixed(3)}   ${h.precision.toFixed(3)} / ${h.recall.toFixed(3)} (${h.right} of ${h.positives})      ${h.cropsLabelled} of ${h.crops}  ${perImage.toFixed(2).padStart(18)}  ${templateSeconds.toFixed(0).padStart(11)}`,
    );
  }
}

/** Every training box's template for the variant, the `perLabel` richest in features per brand. */
async function richest(side: Array<{ name: string; boxes: Box[] }>, bytes: (name: string) => Uint8Array, v: Variant, perLabel: number): Promise<Template[]> {
  const all: Template[] = [];
  for (const image of side) {
    const encoded = bytes(image.name);
    for (const box of image.boxes) {
      const crop = await cropGray(encoded, box, v.templateSide);
      if (crop) all.push({ label: box.label, source: image.name, width: crop.width, height: crop.height, features: await keypointFeatures(crop, v.templateFeatures, v.kind) });
    }
  }
  const labels = [...new Set(all.map((t) => t.label))].sort();
  return labels.flatMap((label) =>
    all
      .filter((t) => t.label === label)
      .sort((a, b) => b.features.points.length - a.features.points.length)
      .slice(0, perLabel),
  );
}

async function outcomes(scenes: Scene[], templates: Template[], v: Variant, leaveOwnOut: boolean): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const scene of scenes) {
    const gray = await decodeGray(scene.bytes, v.imageSide, v.enlarge);
    const own = scene.name.replace(/#clear$/, '');
    const usable = leaveOwnOut ? templates.filter((t) => t.source !== own) : templates;
    const [top] = await matchTemplates(await keypointFeatures(gray, v.imageFeatures, v.kind), usable, FLOOR);
    out.push({ truth: scene.truth, label: top?.label, inliers: top?.inliers ?? 0 });
  }
  return out;
}

function score(outcomes: Outcome[], threshold: number) {
  const photos = outcomes.filter((o) => o.truth.size > 0);
  const given = photos.filter((o) => o.label && o.inliers >= threshold);
  const right = given.filter((o) => o.truth.has(o.label!)).length;
  const crops = outcomes.filter((o) => o.truth.size === 0);
  const cropsLabelled = crops.filter((o) => o.label && o.inliers >= threshold).length;
  return { given: given.length, precision: given.length ? right / given.length : 1, recall: photos.length ? right / photos.length : 0, right, positives: photos.length, crops: crops.length, cropsLabelled };
}

/** The threshold with the best F1 among those whose precision, counting crops given a brand as wrong, is at least 0.95. */
function choose(outcomes: Outcome[]): number {
  let chosen = FLOOR;
  let bestF1 = -1;
  for (let t = FLOOR; t <= 60; t++) {
    const s = score(outcomes, t);
    const labelled = s.given + s.cropsLabelled;
    const precision = labelled ? s.right / labelled : 1;
    const f1 = precision + s.recall ? (2 * precision * s.recall) / (precision + s.recall) : 0;
    if (precision >= 0.95 && f1 > bestF1) [chosen, bestF1] = [t, f1];
  }
  return chosen;
}

void main();
