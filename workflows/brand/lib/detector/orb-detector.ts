/**
 * The keypoint-only logo detector (model format 1): `trainOrb(examples)` → a JSON model; `loadOrb(model)`
 * → `detect(image)`. Training keeps ORB templates of every labelled box and fixes the inlier threshold
 * on training images matched only against templates from other images (data the decision was not
 * fitted to). The fused detector reuses its templates as its verifier; models of this format that
 * were registered before it stay loadable.
 */
import type { Box } from '../annotations';
import { cropGray, decodeGray } from './gray';
import { MODEL_FORMAT, parseTemplate, serialiseTemplate, type LogoModel } from './model';
import { matchTemplates, orbFeatures, type Template } from './orb';
import type { Detection, Detector, TrainingExample } from './types';

export interface OrbTrainOptions {
  /** Longest side of a template crop. @default 160 */
  templateSide?: number;
  templateFeatures?: number;
  imageSide?: number;
  imageFeatures?: number;
  /** Training images used to choose the threshold. @default 40 */
  calibrationImages?: number;
  /** Templates kept per label, the richest in features first: detection time grows with them. @default 8 */
  templatesPerLabel?: number;
}

const DEFAULTS = { templateSide: 160, templateFeatures: 150, imageSide: 640, imageFeatures: 1500, calibrationImages: 40, templatesPerLabel: 8 };
/** Below this many agreeing matches a homography is luck, whatever calibration says. */
export const FLOOR = 8;

export async function trainOrb(examples: ReadonlyArray<TrainingExample & { name: string }>, options: OrbTrainOptions = {}): Promise<LogoModel> {
  const o = { ...DEFAULTS, ...options };
  const labels = [...new Set(examples.flatMap((e) => e.boxes.map((b) => b.label)))].sort();
  const kept = await richestTemplates(examples, o);
  const minInliers = await calibrate(examples.slice(0, o.calibrationImages), kept, o);
  return { format: MODEL_FORMAT, labels, minInliers, imageSide: o.imageSide, imageFeatures: o.imageFeatures, templates: kept.map(serialiseTemplate) };
}

/** Every labelled box's ORB template, keeping the `templatesPerLabel` richest in features per label. */
export async function richestTemplates(examples: ReadonlyArray<TrainingExample & { name: string }>, options: OrbTrainOptions = {}): Promise<Template[]> {
  const o = { ...DEFAULTS, ...options };
  const templates: Template[] = [];
  for (const example of examples) {
    for (const box of example.boxes) {
      const crop = await cropGray(example.image, box, o.templateSide);
      if (!crop) continue;
      templates.push({ label: box.label, source: example.name, width: crop.width, height: crop.height, features: await orbFeatures(crop, o.templateFeatures) });
    }
  }
  const labels = [...new Set(templates.map((t) => t.label))].sort();
  return labels.flatMap((label) =>
    templates
      .filter((t) => t.label === label)
      .sort((a, b) => b.features.descriptors.length - a.features.descriptors.length)
      .slice(0, o.templatesPerLabel),
  );
}

/** The smallest threshold whose image-level precision on held-out matches is at least 0.95 (F1 breaks ties). */
async function calibrate(examples: ReadonlyArray<TrainingExample & { name: string }>, templates: Template[], o: typeof DEFAULTS): Promise<number> {
  const outcomes: Array<{ truth: Set<string>; label?: string; inliers: number }> = [];
  for (const example of examples) {
    const gray = await decodeGray(example.image, o.imageSide);
    const others = templates.filter((t) => t.source !== example.name);
    const [top] = await matchTemplates(await orbFeatures(gray, o.imageFeatures), others, FLOOR);
    outcomes.push({ truth: new Set(example.boxes.map((b: Box) => b.label)), label: top?.label, inliers: top?.inliers ?? 0 });
  }
  let chosen = FLOOR;
  let bestF1 = -1;
  for (let t = FLOOR; t <= 60; t++) {
    const predicted = outcomes.filter((x) => x.label && x.inliers >= t);
    const right = predicted.filter((x) => x.truth.has(x.label!)).length;
    const positives = outcomes.filter((x) => x.truth.size > 0).length;
    const precision = predicted.length ? right / predicted.length : 1;
    const recall = positives ? right / positives : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    if (precision >= 0.95 && f1 > bestF1) [chosen, bestF1] = [t, f1];
  }
  return chosen;
}

export function loadOrb(model: LogoModel): Detector {
  if (model.format !== MODEL_FORMAT) throw new TypeError(`Not a logo detector model: format ${String(model.format)}`);
  const templates = model.templates.map(parseTemplate);
  return {
    async detect(image: Uint8Array): Promise<Detection[]> {
      const gray = await decodeGray(image, model.imageSide);
      // Matches below the threshold would only ever score under 50: skip verifying them.
      const matches = await matchTemplates(await orbFeatures(gray, model.imageFeatures), templates, model.minInliers);
      return matches
        .map((m) => ({ name: m.label, confidence: round2((100 * m.inliers) / (m.inliers + model.minInliers)), box: boundingBox(m.corners, gray.width, gray.height) }))
        .filter((d) => d.box.width > 0 && d.box.height > 0);
    },
  };
}

/** The projected corners' bounding box as fractions of the image. */
export function boundingBox(corners: Array<[number, number]>, width: number, height: number) {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));
  const xs = corners.map(([x]) => clamp(x, width));
  const ys = corners.map(([, y]) => clamp(y, height));
  const [left, top] = [Math.min(...xs), Math.min(...ys)];
  return { left: round4(left / width), top: round4(top / height), width: round4((Math.max(...xs) - left) / width), height: round4((Math.max(...ys) - top) / height) };
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const round4 = (v: number) => Math.round(v * 10000) / 10000;
