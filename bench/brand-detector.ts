/**
 * Image-level accuracy of the logo detector on FlickrLogos-27: the seeded 80/20 split by image the
 * training workflow uses; the threshold is fixed on the training side only; prints the numbers.
 * Usage: node bin/run-ts.js bench/brand-detector.ts [--limit N] [--per-label N] [--image-side PX]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFlickrLogos, splitByImage } from '../workflows/brand/lib/annotations';
import { load, train } from '../workflows/brand/lib/detector';
import { NONE, scoreImages, type ImageOutcome } from '../workflows/brand/lib/metrics';

const DATA = path.resolve(__dirname, '../../shared/data/brand/flickrlogos27');

async function main(): Promise<void> {
  const flag = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? Number(process.argv[at + 1]) : undefined;
  };
  const limit = flag('--limit') ?? Infinity;
  const options = { templatesPerLabel: flag('--per-label'), imageSide: flag('--image-side') };
  const { images } = parseFlickrLogos(readFileSync(path.join(DATA, 'annotations.txt'), 'utf8'));
  const { train: trainSide, test } = splitByImage(images, 0.2, 42);
  const bytes = (name: string) => readFileSync(path.join(DATA, 'images', name));
  let started = Date.now();
  const model = await train(trainSide.map((i) => ({ name: i.image, image: bytes(i.image), boxes: i.boxes })), Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)));
  console.log(`trained on ${trainSide.length} images in ${((Date.now() - started) / 1000).toFixed(1)} s: ${model.templates.length} templates, threshold ${model.minInliers} inliers`);
  const detector = load(model);
  started = Date.now();
  const outcomes: ImageOutcome[] = [];
  for (const image of test.slice(0, limit)) {
    const [top] = (await detector.detect(bytes(image.image))).filter((d) => d.confidence >= 50).sort((a, b) => b.confidence - a.confidence);
    outcomes.push({ image: image.image, expected: [...new Set(image.boxes.map((b) => b.label))], predicted: top?.name ?? NONE, confidence: top?.confidence ?? 0 });
  }
  const seconds = (Date.now() - started) / 1000;
  const summary = scoreImages(outcomes);
  console.log(`held-out images: ${summary.images} (${(seconds / outcomes.length).toFixed(2)} s per image)`);
  console.log(`accuracy ${summary.accuracy}  precision ${summary.precision}  recall ${summary.recall}  f1 ${summary.f1}`);
  for (const [label, s] of Object.entries(summary.perLabel)) console.log(`  ${label.padEnd(12)} precision ${s.precision}  recall ${s.recall}  f1 ${s.f1}  (${s.support} images)`);
}

void main();
