/**
 * The logo detector on FlickrLogos-27, scored the way held-out query sets are: image-level labels,
 * "none" when nothing reaches confidence 50, half the images without a logo. The held-out side is
 * the seeded 80/20 split by image the training workflow uses; its no-logo images are the parts of
 * held-out photos clear of every box (made in memory, never stored). Training sees only the other
 * 80 % and fixes its threshold on a validation share of it. Prints training time, the backbone's
 * time per image, and accuracy, precision and recall per brand and overall.
 *
 * Usage: npm run bench:brand-detector -- [--limit N] [--candidates N] [--zoom | --no-zoom] [--zoomed N] [--sweep 3,8,27] [--save FILE] [--replay FILE] [--no-cache] [--cache DIR]
 * `--candidates`: brands the head proposes per image for ORB to verify (default: the detector's);
 * `--zoom`/`--no-zoom`: train with or without the zoomed second look (default: the detector's), `--zoomed`
 * how many of the head's best candidates it looks at;
 * `--sweep`: trains once with the widest breadth listed and prints validation and held-out figures
 * for each (`brand-detector-sweep.ts`), and the held-out figures per brand at the default breadth;
 * `--save` writes the model (and, with `--sweep`, every validation and held-out candidate beside it);
 * `--replay MODEL.candidates.json` prints the same from such a file in seconds, without training.
 * Backbone features are cached by image hash under a git-ignored folder (default .cache/brand-features).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFlickrLogos, splitByImage } from '../workflows/brand/lib/annotations';
import { load, train } from '../workflows/brand/lib/detector';
import { imageFeatures } from '../workflows/brand/lib/detector/backbone';
import { DEFAULT_CANDIDATES, fusedCandidates, loadFused } from '../workflows/brand/lib/detector/fused';
import type { ValidationImage } from '../workflows/brand/lib/detector/fusion';
import { noLogoCrop } from '../workflows/brand/lib/detector/negatives';
import { NONE, scoreImages, type ImageOutcome } from '../workflows/brand/lib/metrics';
import type { EvaluationSummary } from '../workflows/brand/schemas';
import { cachedFeatures } from './brand-feature-cache';
import { sweep, type SweepRow } from './brand-detector-sweep';

const DATA = path.resolve(__dirname, '../../shared/data/brand/flickrlogos27');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const limit = Number(value('--limit') ?? Infinity);
  const features = args.includes('--no-cache') ? imageFeatures : cachedFeatures(path.resolve(value('--cache') ?? path.join(__dirname, '../.cache/brand-features')));
  const { images } = parseFlickrLogos(readFileSync(path.join(DATA, 'annotations.txt'), 'utf8'));
  const { train: trainSide, test } = splitByImage(images, 0.2, 42);
  const bytes = (name: string) => new Uint8Array(readFileSync(path.join(DATA, 'images', name)));

  const breadths = value('--sweep')?.split(',').map(Number);
  const replay = value('--replay');
  if (replay) {
    const saved = JSON.parse(readFileSync(replay, 'utf8')) as { validation: ValidationImage[]; heldOut: HeldOutCandidates[] };
    printSweep(sweep(breadths ?? [DEFAULT_CANDIDATES], saved.validation, saved.heldOut));
    return;
  }
  const candidates = breadths ? Math.max(...breadths) : value('--candidates') && Number(value('--candidates'));
  let validation: readonly ValidationImage[] = [];

  await backboneTime(test.slice(0, 10).map((i) => bytes(i.image)));
  let started = Date.now();
  const zoomed = value('--zoomed') && Number(value('--zoomed'));
  const zoom = args.includes('--no-zoom') ? false : args.includes('--zoom') || zoomed ? { ...(zoomed && { zoomed }) } : undefined;
  const model = await train(
    trainSide.map((i) => ({ name: i.image, image: bytes(i.image), boxes: i.boxes })),
    { features, log: (m) => console.log(`  ${m}`), onValidation: (images) => (validation = images), ...(candidates && { candidates }), ...(zoom !== undefined && { zoom }) },
  );
  const trainSeconds = (Date.now() - started) / 1000;
  const save = value('--save');
  if (save) writeFileSync(save, JSON.stringify(model));
  console.log(`trained on ${trainSide.length} photos in ${trainSeconds.toFixed(1)} s${args.includes('--no-cache') ? '' : ' (backbone features from the cache where present)'}`);
  const zoomWeight = model.fusion.zoomWeight === undefined ? '' : `, zoom ${model.fusion.zoomWeight.toFixed(2)} (${model.zoom!.zoomed} candidates, ${model.zoom!.side} px)`;
  console.log(`  threshold ${model.fusion.threshold} (fusion ${model.fusion.fitted ? 'fitted' : 'default'}: head ${model.fusion.headWeight.toFixed(2)}, orb ${model.fusion.orbWeight.toFixed(2)}${zoomWeight}, bias ${model.fusion.bias.toFixed(2)}); validation ${JSON.stringify(model.validation)}`);

  const detector = args.includes('--no-cache') ? load(JSON.parse(JSON.stringify(model))) : loadFused(JSON.parse(JSON.stringify(model)), features);
  const heldOut: Array<{ image: string; bytes: Uint8Array; expected: string[] }> = [];
  for (const image of test.slice(0, limit)) {
    const photo = bytes(image.image);
    heldOut.push({ image: image.image, bytes: photo, expected: [...new Set(image.boxes.map((b) => b.label))] });
    const crop = await noLogoCrop(photo, image.boxes);
    if (crop) heldOut.push({ image: `${image.image}#clear`, bytes: crop, expected: [] });
  }
  if (breadths) {
    started = Date.now();
    const scorer = fusedCandidates(model, features);
    const scored = [];
    for (const image of heldOut) scored.push({ image: image.image, expected: image.expected, candidates: await scorer(image.bytes) });
    // Kept beside the model so the breadths can be compared again without a second ORB pass.
    if (save) writeFileSync(`${save}.candidates.json`, JSON.stringify({ validation, heldOut: scored }));
    console.log(`held-out images: ${heldOut.length}, ${((Date.now() - started) / 1000 / heldOut.length).toFixed(2)} s per image verifying ${model.candidates} brands`);
    printSweep(sweep(breadths, validation, scored));
    return;
  }
  started = Date.now();
  const outcomes: ImageOutcome[] = [];
  for (const image of heldOut) {
    const [top] = (await detector.detect(image.bytes)).filter((d) => d.confidence >= 50);
    outcomes.push({ image: image.image, expected: image.expected, predicted: top?.name ?? NONE, confidence: top?.confidence ?? 0 });
  }
  const perImage = (Date.now() - started) / 1000 / outcomes.length;
  const summary = scoreImages(outcomes);
  const negatives = outcomes.filter((o) => o.expected.length === 0);
  console.log(`held-out images: ${summary.images} (${summary.images - negatives.length} with a logo, ${negatives.length} without), ${perImage.toFixed(2)} s per image`);
  console.log(`accuracy ${summary.accuracy}  precision ${summary.precision}  recall ${summary.recall}  f1 ${summary.f1}`);
  console.log(`no-logo images given a brand: ${negatives.filter((o) => o.predicted !== NONE).length} of ${negatives.length}`);
  printPerLabel(summary.perLabel);
}

type HeldOutCandidates = Parameters<typeof sweep>[2][number];

/** The breadths side by side, then the default breadth's held-out figures per brand. */
function printSweep(rows: SweepRow[]): void {
  console.log('candidates  threshold  validation acc/prec/rec  held-out acc/prec/rec  no-logo labelled');
  for (const row of rows) {
    const v = row.validation;
    const h = row.heldOut;
    console.log(`${String(row.candidates).padStart(10)}  ${row.threshold.toFixed(2).padStart(9)}  ${[v.accuracy, v.precision, v.recall].map((n) => n.toFixed(3)).join(' / ')}  ${[h.accuracy, h.precision, h.recall].map((n) => n.toFixed(3)).join(' / ')}  ${h.noLogoLabelled}`);
  }
  const chosen = rows.find((row) => row.candidates === DEFAULT_CANDIDATES);
  if (!chosen) return;
  console.log(`held out per brand, ${DEFAULT_CANDIDATES} candidates (the default):`);
  printPerLabel(chosen.heldOut.perLabel);
}

function printPerLabel(perLabel: EvaluationSummary['perLabel']): void {
  for (const [label, s] of Object.entries(perLabel)) console.log(`  ${label.padEnd(12)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  f1 ${s.f1.toFixed(3)}  (${s.support} images)`);
}

/** The backbone alone, uncached, after one warm-up image. */
async function backboneTime(sample: Uint8Array[]): Promise<void> {
  await imageFeatures(sample[0]!);
  const started = Date.now();
  for (const image of sample) await imageFeatures(image);
  console.log(`backbone: ${((Date.now() - started) / sample.length).toFixed(0)} ms per image (${sample.length} photos, 512×512 input, onnxruntime-node)`);
}

void main();
