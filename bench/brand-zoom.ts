/**
 * Experiments with the zoomed second look on a trained fused model, without training it again: the
 * model's validation fold (the images its fusion was fitted on) and the held-out side of
 * `bench:brand-detector`'s split get their candidates (head, ORB inliers, window) once, kept in a
 * work folder; then zoom heads of several settings are trained on crops of the model's training
 * fold and each setting's three-input fusion is fitted and its threshold chosen on the validation
 * fold, then scored on the held-out side.
 *
 * Usage: npm run bench:brand-zoom -- --model MODEL.json --work DIR [--sides 160] [--margins 0.25] [--zoomed 12,5,3]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFlickrLogos, splitByImage, type ImageAnnotations } from '../workflows/brand/lib/annotations';
import { candidateScorer, ORB } from '../workflows/brand/lib/detector/fused';
import { chooseFusion, fusedScore, type ValidationImage } from '../workflows/brand/lib/detector/fusion';
import { decodeGray } from '../workflows/brand/lib/detector/gray';
import type { FusedLogoModel } from '../workflows/brand/lib/detector/model';
import { noLogoCrop } from '../workflows/brand/lib/detector/negatives';
import { trainZoomHead, zoomSamples, zoomProbabilities, type ZoomSample } from '../workflows/brand/lib/detector/zoom-head';
import { decodeRgb, describeCrop, windowPixels, type PixelBox } from '../workflows/brand/lib/detector/zoom';
import { cachedFeatures } from './brand-feature-cache';

const DATA = path.resolve(__dirname, '../../shared/data/brand/flickrlogos27');

interface EvalCandidate {
  label: string;
  head: number;
  inliers: number;
  right: boolean;
  pixels: PixelBox;
}
interface EvalImage {
  side: 'validation' | 'heldOut';
  name: string;
  positive: boolean;
  candidates: EvalCandidate[];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const model = JSON.parse(readFileSync(value('--model')!, 'utf8')) as FusedLogoModel;
  const work = value('--work')!;
  mkdirSync(work, { recursive: true });
  const sides = (value('--sides') ?? '160').split(',').map(Number);
  const margins = (value('--margins') ?? '0.25').split(',').map(Number);
  const zoomed = (value('--zoomed') ?? '12,5,3').split(',').map(Number);
  const features = cachedFeatures(path.resolve(__dirname, '../.cache/brand-features'));
  const { images } = parseFlickrLogos(readFileSync(path.join(DATA, 'annotations.txt'), 'utf8'));
  const { train: trainSide, test } = splitByImage(images, 0.2, 42);
  const inner = splitByImage(trainSide, 0.2, 11);
  const bytes = (name: string) => new Uint8Array(readFileSync(path.join(DATA, 'images', name)));
  const scorer = candidateScorer(model, features, model.candidates);

  const evalFile = path.join(work, 'eval.json');
  if (!existsSync(evalFile)) {
    const started = Date.now();
    const out: EvalImage[] = [];
    for (const [side, list] of [['validation', inner.test], ['heldOut', test]] as const) {
      for (const image of list) {
        const photo = bytes(image.image);
        const truth = new Set(image.boxes.map((b) => b.label));
        const crop = await noLogoCrop(photo, image.boxes);
        for (const [name, encoded, expected] of [[image.image, photo, truth], ...(crop ? [[`${image.image}#clear`, crop, new Set<string>()]] : [])] as Array<[string, Uint8Array, Set<string>]>) {
          const f = await features(encoded);
          const proposals = await scorer.propose(f);
          const scored = await scorer.verify(await decodeGray(encoded, ORB.imageSide), proposals);
          out.push({
            side,
            name,
            positive: expected.size > 0,
            candidates: scored.map((c, i) => ({ label: c.label, head: c.head, inliers: c.inliers, right: expected.has(c.label), pixels: windowPixels(proposals.top[i]!.window, proposals.grid, f) })),
          });
        }
      }
    }
    writeFileSync(evalFile, JSON.stringify(out));
    console.log(`candidates of ${out.length} images: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const evaluated = JSON.parse(readFileSync(evalFile, 'utf8')) as EvalImage[];

  for (const side of sides) {
    for (const margin of margins) {
      const settings = { side, margin };
      const tag = `${side}-${margin}`;
      const trainFile = path.join(work, `train-${tag}.json`);
      const evalDescriptors = path.join(work, `eval-${tag}.bin`);
      if (!existsSync(trainFile)) {
        let started = Date.now();
        const cpu = process.cpuUsage();
        const samples: ZoomSample[] = [];
        const fit = inner.train.map((i: ImageAnnotations) => ({ name: i.image, image: bytes(i.image), boxes: i.boxes }));
        await zoomSamples(fit, model.labels, scorer, features, settings, { seed: 5 }, samples);
        const used = process.cpuUsage(cpu);
        console.log(`${tag}: ${samples.length} training crops in ${((Date.now() - started) / 1000).toFixed(1)} s (${((used.user + used.system) / 1e6).toFixed(1)} CPU s)`);
        writeFileSync(trainFile, JSON.stringify(samples.map((s) => ({ y: s.y, x: Buffer.from(s.x.buffer).toString('base64') }))));
        started = Date.now();
        const all: Float32Array[] = [];
        let last = '';
        let rgb: Awaited<ReturnType<typeof decodeRgb>> | undefined;
        for (const image of evaluated) {
          const base = image.name.replace(/#clear$/, '');
          if (image.name !== last) {
            const photo = bytes(base);
            const encoded = image.name.endsWith('#clear') ? (await noLogoCrop(photo, images.find((i) => i.image === base)!.boxes))! : photo;
            rgb = await decodeRgb(encoded);
            last = image.name;
          }
          for (const c of image.candidates) all.push(await describeCrop(rgb!, c.pixels, settings));
        }
        writeFileSync(evalDescriptors, Buffer.concat(all.map((d) => Buffer.from(d.buffer))));
        console.log(`${tag}: ${all.length} evaluation crops in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      const samples = (JSON.parse(readFileSync(trainFile, 'utf8')) as Array<{ y: number; x: string }>).map((s) => ({ y: s.y, x: floats(Buffer.from(s.x, 'base64')) }));
      const dim = samples[0]!.x.length;
      const raw = readFileSync(evalDescriptors);
      const descriptors = Array.from({ length: raw.length / 4 / dim }, (_, i) => floats(raw.subarray(i * dim * 4, (i + 1) * dim * 4)));
      for (const epochs of (value('--epochs') ?? '8').split(',').map(Number)) {
        for (const l2 of (value('--l2') ?? '1e-4').split(',').map(Number)) {
          const started = Date.now();
          const head = await trainZoomHead(samples, model.labels.length + 1, { epochs, l2 });
          const trainSeconds = (Date.now() - started) / 1000;
          let k = 0;
          const probabilities = evaluated.map((image) => image.candidates.map(() => zoomProbabilities(head, descriptors[k++]!)));
          const withZoom = evaluated.map((image, i) => ({
            ...image,
            candidates: image.candidates.map((c, j) => ({ ...c, zoom: probabilities[i]![j]![1 + model.labels.indexOf(c.label)]! })),
          }));
          report(`${tag} epochs ${epochs} l2 ${l2} (head ${trainSeconds.toFixed(1)} s)`, withZoom, zoomed);
          // Each label's zoom probability at its best crop among the image's first k, for every candidate.
          for (const k of zoomed) {
            const anyWindow = evaluated.map((image, i) => ({
              ...image,
              candidates: image.candidates.map((c) => ({ ...c, zoom: Math.max(...probabilities[i]!.slice(0, k).map((p) => p[1 + model.labels.indexOf(c.label)]!)) })),
            }));
            report(`  each label's zoom at its best of the first ${k} crops`, anyWindow, [12]);
          }
        }
      }
    }
  }
}

/** Validation and held-out figures for the two-input fusion and for the three-input one zooming the best k candidates. */
type ZoomedImage = Omit<EvalImage, 'candidates'> & { candidates: Array<EvalCandidate & { zoom: number }> };

function report(title: string, images: ZoomedImage[], zoomed: number[]): void {
  console.log(title);
  const row = (name: string, zoom: boolean, pick: (im: ZoomedImage) => ValidationImage) => {
    const validation = images.filter((i) => i.side === 'validation').map(pick);
    const heldOut = images.filter((i) => i.side === 'heldOut').map(pick);
    const choice = chooseFusion(validation, 0.92, zoom);
    const h = score(heldOut, choice.fusion);
    const v = choice.validation;
    const w = choice.fusion;
    console.log(`  ${name.padEnd(28)} t ${w.threshold.toFixed(2)}  val ${[v.accuracy, v.precision, v.recall].map((n) => n.toFixed(3)).join('/')}  held-out ${[h.accuracy, h.precision, h.recall].map((n) => n.toFixed(3)).join('/')}  w ${[w.headWeight, w.orbWeight, w.zoomWeight ?? 0, w.bias].map((n) => n.toFixed(2)).join(',')}`);
  };
  row('two inputs', false, (im) => ({ positive: im.positive, candidates: im.candidates.map(({ zoom: _, ...c }) => c) }));
  for (const k of zoomed) {
    row(`zoom top ${k} by head`, true, (im) => ({ positive: im.positive, candidates: im.candidates.map((c, i) => (i < k ? c : { ...c, zoom: undefined as number | undefined })) }));
  }
}

function score(images: readonly ValidationImage[], fusion: Parameters<typeof fusedScore>[0] & { threshold: number }) {
  let accurate = 0;
  let predicted = 0;
  let right = 0;
  for (const im of images) {
    let top = { s: 0, right: false };
    for (const c of im.candidates) {
      const s = fusedScore(fusion, c);
      if (s > top.s) top = { s, right: c.right };
    }
    const detected = top.s >= fusion.threshold;
    if (detected) predicted++;
    if (detected && top.right) right++;
    if (detected ? top.right : !im.positive) accurate++;
  }
  const positives = images.filter((i) => i.positive).length;
  return { accuracy: accurate / images.length, precision: predicted ? right / predicted : 1, recall: right / positives };
}

function floats(b: Buffer): Float32Array {
  return new Float32Array(new Uint8Array(b).buffer);
}

void main();
