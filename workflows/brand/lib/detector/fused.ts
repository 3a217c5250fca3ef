/**
 * The fused logo detector (model format 2). A frozen backbone describes every window of the image; a
 * head trained here scores them per brand; the head's best brands are verified with ORB keypoints
 * against labelled crops; a fusion of the two fixes the decision. Format 4 adds the zoomed second look
 * (`zoom.ts`): the best windows cut from the full-resolution image, described by the backbone on their
 * own and scored by a second head, whose probability is the fusion's third input. Training holds out a validation
 * share of the images (and no-logo crops of them) that neither the head nor the templates see, and
 * fits the fusion and its threshold there.
 */
import { splitByImage } from '../annotations';
import { seededRandom } from '../../../../src/services';
import { BACKBONE, imageFeatures, type FeatureSource, type ImageFeatures } from './backbone';
import { chooseFusion, confidence, fusedScore, type Fusion, type ValidationImage } from './fusion';
import { decodeGray, type GrayImage } from './gray';
import { bestWindows, classify, scoreWindows, trainHead, type Head, type HeadOptions } from './head';
import { FUSED_MODEL_FORMAT, FUSED_ZOOM_MODEL_FORMAT, parseHead, parseTemplate, serialiseHead, serialiseTemplate, type FusedLogoModel } from './model';
import { noLogoCrop } from './negatives';
import { boundingBox, FLOOR, richestTemplates } from './orb-detector';
import type { HomographyFinder } from './homography';
import { matchTemplates, orbFeatures, type Template } from './orb';
import { covers, describe, iou, poolingTables, toRegion, windows, type PoolingTables, type Region } from './regions';
import { regionSamples, type SampleOptions, type Samples } from './samples';
import { timed, type StageTimer } from './stages';
import type { Detection, Detector, TrainingExample } from './types';
import { decodeRgb, describeCrop, windowPixels, type RgbImage, type ZoomFeatures, type ZoomSettings } from './zoom';
import { trainZoomHead, zoomSamples, type ZoomSampleOptions } from './zoom-head';

export interface TrainOptions {
  /** Where backbone features come from (a cache in benchmarks). @default the backbone */
  features?: FeatureSource;
  /** Share of the images held out to fit the fusion and choose its threshold. @default 0.2 */
  validationShare?: number;
  /** @default 11 */
  seed?: number;
  /** Labels the head proposes per image for ORB to verify. @default DEFAULT_CANDIDATES */
  candidates?: number;
  /** ORB templates kept per label. @default 8 */
  templatesPerLabel?: number;
  /** Weight of each background window against a logo window in the head's loss. @default 1 */
  backgroundWeight?: number;
  head?: HeadOptions;
  samples?: SampleOptions;
  /**
   * Training images searched for hard negatives: the windows clear of every box that the first head
   * scores highest are added as "no logo" and the head is trained again. 0 turns it off. @default 250
   */
  mineImages?: number;
  /** Hard negatives kept per searched image. @default 10 */
  minePerImage?: number;
  /** Progress notes (stages and their times). */
  log?: (message: string) => void;
  /**
   * Receives the validation images' candidates (each image's in the head's order, best first), so a
   * benchmark can fit the fusion again on the best k of them and compare breadths from one training run.
   */
  onValidation?: (images: readonly ValidationImage[]) => void;
  /** The zoomed second look, trained after the first head and fused as a third input; false leaves it out. @default DEFAULT_ZOOM */
  zoom?: ZoomOptions | false;
}

export interface ZoomOptions extends Partial<ZoomSettings> {
  /** The first head's best candidates per image that get a second look. */
  zoomed?: number;
  samples?: ZoomSampleOptions;
  head?: HeadOptions;
}

/**
 * Training adds the zoomed second look unless told not to: on FlickrLogos-27's held-out fifth it
 * raised accuracy from 0.446 to 0.521 and precision from 0.852 to 0.910 (README's detector section).
 */
export const DEFAULT_ZOOM: ZoomOptions | false = {};

/**
 * The zoomed second look's settings when training asks for it without naming them, chosen on the
 * validation fold (`npm run bench:brand-zoom`, README's detector section) among those a video's key
 * frames can afford: a 160-px crop with a quarter of the window's side as margin on every side, the
 * head's 3 best windows looked at, the zoom's head trained 8 epochs. Larger crops and more windows did
 * better on validation (224 px, all 12 windows: accuracy 0.644 against 0.559) but took the 10-minute
 * bench video's analysis past its two minutes (+50 s with 224 px and 5 windows; +13 CPU s with these).
 */
export const ZOOM_SETTINGS: Required<Pick<ZoomOptions, 'side' | 'margin' | 'zoomed'>> & { head: HeadOptions } = { side: 160, margin: 0.25, zoomed: 3, head: { epochs: 8 } };

type Named = TrainingExample & { name: string };

/**
 * How many of the head's best brands ORB verifies per image. Chosen on the validation fold, from one
 * training on FlickrLogos-27's seeded 80 % (`npm run bench:brand-detector -- --sweep 3,5,8,12,18,27`):
 * validation accuracy 0.418 with 3, 0.475 with 8, 0.497 with 12 and 18, 0.469 with all 27, every one
 * at precision ≥ 0.92; 12 is the narrower of the two best. Fewer logos are lost when the head ranks
 * them low, at about a third of ORB's cost over every brand. Held out, 12 measured accuracy 0.446,
 * precision 0.852, recall 0.284 (3: 0.385 / 0.917 / 0.204; 27: 0.422 / 0.909 / 0.247).
 */
export const DEFAULT_CANDIDATES = 12;

/** The grayscale side and keypoint budget ORB verification works with. */
export const ORB = { imageSide: 640, imageFeatures: 1500 };

export async function trainFused(examples: readonly Named[], options: TrainOptions = {}): Promise<FusedLogoModel> {
  const features = options.features ?? imageFeatures;
  const log = options.log ?? (() => undefined);
  const labels = [...new Set(examples.flatMap((e) => e.boxes.map((b) => b.label)))].sort();
  if (labels.length === 0) throw new RangeError('Training needs at least one labelled box.');
  const split = splitByImage(examples.map((e) => ({ image: e.name, boxes: e.boxes })), options.validationShare ?? 0.2, options.seed ?? 11);
  const byName = new Map(examples.map((e) => [e.name, e]));
  const fit = split.train.map((i) => byName.get(i.image)!);
  const validation = split.test.map((i) => byName.get(i.image)!);

  let started = Date.now();
  const random = seededRandom(options.seed ?? 11);
  const samples: Samples = { x: [], y: [] };
  for (const example of fit) {
    const f = await features(example.image);
    const tables = poolingTables(f);
    const boxes = example.boxes.map((b) => ({ region: toRegion(b, f, tables.grid), label: 1 + labels.indexOf(b.label) }));
    regionSamples(tables, boxes, random, options.samples, samples);
  }
  log(`features and ${samples.x.length} regions of ${fit.length} images: ${seconds(started)} s`);
  started = Date.now();
  const background = options.backgroundWeight ?? 1;
  const fitHead = () => trainHead(samples.x, samples.y, labels.length + 1, samples.y.map((y) => (y ? 1 : background)), options.head);
  let head = await fitHead();
  log(`head: ${seconds(started)} s`);
  const mine = fit.slice(0, options.mineImages ?? 250);
  if (mine.length > 0) {
    started = Date.now();
    const before = samples.x.length;
    // The images' features are computed again rather than kept from the first pass: ~4 MB each,
    // a whole training side would not fit a training function's memory.
    for (const example of mine) {
      const f = await features(example.image);
      const tables = poolingTables(f);
      const boxes = example.boxes.map((b) => toRegion(b, f, tables.grid));
      for (const region of await hardNegatives(head, tables, boxes, options.minePerImage ?? 10)) {
        samples.x.push(describe(tables, region));
        samples.y.push(0);
      }
    }
    head = await fitHead();
    log(`${samples.x.length - before} hard negatives from ${mine.length} images, head again: ${seconds(started)} s`);
  }
  started = Date.now();
  const templates = await richestTemplates(fit, { templatesPerLabel: options.templatesPerLabel ?? 8 });
  log(`${templates.length} ORB templates: ${seconds(started)} s`);

  const candidates = options.candidates ?? DEFAULT_CANDIDATES;
  const zoomOptions = options.zoom === undefined ? DEFAULT_ZOOM : options.zoom;
  let zoom: Zoom | undefined;
  if (zoomOptions) {
    started = Date.now();
    const settings = { side: zoomOptions.side ?? ZOOM_SETTINGS.side, margin: zoomOptions.margin ?? ZOOM_SETTINGS.margin };
    const proposer = new CandidateScorer(labels, head, templates, candidates, features);
    const crops = await zoomSamples(fit, labels, proposer, features, settings, zoomOptions.samples);
    zoom = { ...settings, zoomed: zoomOptions.zoomed ?? ZOOM_SETTINGS.zoomed, head: await trainZoomHead(crops, labels.length + 1, zoomOptions.head ?? ZOOM_SETTINGS.head) };
    log(`zoom head on ${crops.length} crops of ${fit.length} images: ${seconds(started)} s`);
  }
  started = Date.now();
  const scorer = new CandidateScorer(labels, head, templates, candidates, features, undefined, zoom);
  const images: ValidationImage[] = [];
  for (const example of validation) {
    const truth = new Set(example.boxes.map((b) => b.label));
    const crop = await noLogoCrop(example.image, example.boxes);
    for (const [image, expected] of [[example.image, truth], ...(crop ? [[crop, new Set<string>()]] : [])] as Array<[Uint8Array, Set<string>]>) {
      const scored = await scorer.candidates(image);
      images.push({ positive: expected.size > 0, candidates: scored.map((c) => ({ head: c.head, inliers: c.inliers, ...(c.zoom !== undefined && { zoom: c.zoom }), right: expected.has(c.label) })) });
    }
  }
  options.onValidation?.(images);
  const choice = chooseFusion(images, undefined, zoom !== undefined);
  log(`validation on ${images.length} images (${images.filter((i) => !i.positive).length} without a logo): ${seconds(started)} s; threshold ${choice.fusion.threshold}`);
  return {
    format: zoom ? FUSED_ZOOM_MODEL_FORMAT : FUSED_MODEL_FORMAT,
    backbone: BACKBONE,
    labels,
    head: serialiseHead(head),
    candidates,
    orb: { ...ORB, templates: templates.map(serialiseTemplate) },
    fusion: { ...choice.fusion, fitted: choice.fitted },
    validation: choice.validation,
    ...(zoom && { zoom: { side: zoom.side, margin: zoom.margin, zoomed: zoom.zoomed, head: serialiseHead(zoom.head) } }),
  };
}

export function loadFused(model: FusedLogoModel, features: FeatureSource = imageFeatures): Detector {
  const scorer = candidateScorer(model, features, model.candidates);
  const fusion: Fusion = model.fusion;
  const most = Math.max(0, ...scorer.templateSizes());
  const floor = (c: Looked) => inlierFloor(fusion, c, most);
  return {
    async detect(image: Uint8Array, timer?: StageTimer): Promise<Detection[]> {
      return reported(fusion, await scorer.candidates(image, timer, floor));
    },
  };
}

/** The candidates the fusion puts at confidence 50 or above (with a box), most confident first. */
export function reported(fusion: Fusion, candidates: readonly Scored[]): Detection[] {
  return candidates
    .map((c) => ({ name: c.label, confidence: confidence(fusion, fusedScore(fusion, c)), box: c.box }))
    .filter((d) => d.confidence >= 50 && d.box.width > 0 && d.box.height > 0)
    .sort((a, b) => b.confidence - a.confidence);
}

/** What is known of a candidate before ORB: the head's probability, and the zoom's if it looked. */
export type Looked = Pick<Scored, 'head' | 'zoom'>;

/**
 * The fewest ORB inliers with which a candidate of this head (and zoom) probability reaches confidence
 * 50 (Infinity when not even `most` do). A candidate below it is never reported, so its templates with
 * fewer matches than that need no RANSAC: detections stay exactly what verifying everything gives.
 */
export function inlierFloor(fusion: Fusion, c: Looked, most: number): number {
  if (fusion.orbWeight <= 0) return 0;
  for (let n = 0; n <= most; n++) if (confidence(fusion, fusedScore(fusion, { ...c, inliers: n })) >= 50) return n;
  return Infinity;
}

/**
 * A model's candidates for an image before the fusion (the head's best `count` labels, best first,
 * each with its head probability, ORB inliers and box), for benchmarks that fuse them differently.
 */
export function fusedCandidates(model: FusedLogoModel, features: FeatureSource = imageFeatures, count = model.candidates): (image: Uint8Array, timer?: StageTimer) => Promise<Scored[]> {
  const scorer = candidateScorer(model, features, count);
  return (image, timer) => scorer.candidates(image, timer);
}

/** `homography` verifies ORB's matches (OpenCV's RANSAC unless given). */
export function candidateScorer(model: FusedLogoModel, features: FeatureSource, count: number, homography?: HomographyFinder, zoomFeatures?: ZoomFeatures): CandidateScorer {
  if (model.backbone !== BACKBONE) throw new TypeError(`The model was trained on backbone ${model.backbone}, not ${BACKBONE}`);
  if ((model.format === FUSED_ZOOM_MODEL_FORMAT) !== (model.zoom !== undefined && model.fusion.zoomWeight !== undefined)) {
    throw new TypeError(`A model of format ${model.format} ${model.zoom ? 'cannot have' : 'needs'} the zoomed second look and its fusion weight.`);
  }
  const zoom = model.zoom && { side: model.zoom.side, margin: model.zoom.margin, zoomed: model.zoom.zoomed, head: parseHead(model.zoom.head), features: zoomFeatures };
  return new CandidateScorer(model.labels, parseHead(model.head), model.orb.templates.map(parseTemplate), count, features, homography, zoom);
}

/** The zoomed second look a scorer takes: its settings, its head, and the backbone at its side (a stand-in in tests). */
export interface Zoom extends ZoomSettings {
  zoomed: number;
  head: Head;
  features?: ZoomFeatures;
}

/** The head's best labels of an image (best first), each with its best window, on the feature grid. */
export interface Proposals {
  /** `zoom`: the zoomed second look's probability for the label, on the candidates it looked at. */
  top: Array<{ label: string; head: number; window: Region; zoom?: number }>;
  grid: { width: number; height: number };
}

export interface Scored {
  label: string;
  head: number;
  inliers: number;
  box: Detection['box'];
  /** The zoomed second look's probability for the label, when it looked. */
  zoom?: number;
}

/** The head's best labels for an image, each with its best window and its ORB verification. */
export class CandidateScorer {
  private readonly grids = new Map<string, Region[]>();

  constructor(
    private readonly labels: readonly string[],
    private readonly head: Head,
    private readonly templates: readonly Template[],
    private readonly count: number,
    private readonly features: FeatureSource,
    private readonly homography?: HomographyFinder,
    private readonly zoom?: Zoom,
  ) {}

  /** Descriptor counts of the templates: no template has more matches than that. */
  templateSizes(): number[] {
    return this.templates.map((t) => t.features.points.length / 2);
  }

  /**
   * With `floor` (the inliers a label's candidate needs to matter, given its head probability), a
   * candidate's inliers are exact only when they reach it; below it they may be lower than verifying
   * every template would find.
   */
  async candidates(image: Uint8Array, timer?: StageTimer, floor?: (c: Looked) => number): Promise<Scored[]> {
    let proposals = await this.propose(await this.features(image), timer);
    if (this.zoom) proposals = await this.look(await timed(timer, 'decode', () => decodeRgb(image)), proposals, timer);
    const gray = await timed(timer, 'decode', () => decodeGray(image, ORB.imageSide));
    return this.verify(gray, proposals, timer, floor);
  }

  /** The head's best `count` labels for an image's features, each with its best window. */
  async propose(f: ImageFeatures, timer?: StageTimer): Promise<Proposals> {
    const { tables, regions, found } = await timed(timer, 'head', async () => {
      const tables = poolingTables(f);
      const regions = this.windows(tables.grid);
      return { tables, regions, found: await bestWindows(this.head, tables, regions) };
    });
    const best = this.labels.map((label, c) => ({ label, head: found.probability[c]!, window: regions[found.window[c]!]! }));
    return { top: best.sort((a, b) => b.head - a.head).slice(0, this.count), grid: tables.grid };
  }

  /**
   * The zoomed second look: the windows of the first `zoomed` proposals (the head's best) cut from the
   * image at full resolution and scored by the zoom's head; each proposed label gets the highest
   * probability any of those crops gives it, as the head's best window for one brand often frames
   * another's logo. Without a zoom, the proposals as they are.
   */
  async look(image: RgbImage, proposals: Proposals, timer?: StageTimer): Promise<Proposals> {
    const zoom = this.zoom;
    if (!zoom) return proposals;
    const top = await timed(timer, 'zoom', async () => {
      const crops: Float64Array[] = [];
      for (const t of proposals.top.slice(0, zoom.zoomed)) crops.push(classify(zoom.head, await describeCrop(image, windowPixels(t.window, proposals.grid, image), zoom, zoom.features)));
      return proposals.top.map((t) => {
        const c = 1 + this.labels.indexOf(t.label);
        return { ...t, zoom: crops.reduce((most, p) => Math.max(most, p[c]!), 0) };
      });
    });
    return { top, grid: proposals.grid };
  }

  /** The proposed labels verified with ORB on a grayscale image: a box from the match, else the proposal's window. */
  async verify(gray: GrayImage, proposals: Proposals, timer?: StageTimer, floor?: (c: Looked) => number): Promise<Scored[]> {
    const { top, grid } = proposals;
    const floors = floor && new Map(top.map((t) => [t.label, floor(t)]));
    const labels = new Set(top.map((t) => t.label));
    const features = await timed(timer, 'keypoints', () => orbFeatures(gray, ORB.imageFeatures));
    const found = await matchTemplates(features, this.templates.filter((t) => labels.has(t.label)), FLOOR, { timer, floors, homography: this.homography });
    const matches = new Map(found.map((m) => [m.label, m]));
    return top.map((t) => {
      const match = matches.get(t.label);
      const box = match ? boundingBox(match.corners, gray.width, gray.height) : windowBox(t.window, grid);
      return { label: t.label, head: t.head, inliers: match?.inliers ?? 0, box, ...(t.zoom !== undefined && { zoom: t.zoom }) };
    });
  }

  private windows(grid: { width: number; height: number }): Region[] {
    const key = `${grid.width}x${grid.height}`;
    if (!this.grids.has(key)) this.grids.set(key, windows(grid));
    return this.grids.get(key)!;
  }
}

/** The windows clear of every box that the head takes most for a logo, not overlapping each other much. */
async function hardNegatives(head: Head, tables: PoolingTables, boxes: readonly Region[], count: number): Promise<Region[]> {
  const regions = windows(tables.grid);
  const p = await scoreWindows(head, tables, regions);
  const k = head.classes;
  const scored = regions.map((r, i) => {
    let best = 0;
    for (let c = 1; c < k; c++) best = Math.max(best, p[i * k + c]!);
    return { r, best };
  });
  scored.sort((a, b) => b.best - a.best);
  const out: Region[] = [];
  for (const { r, best } of scored) {
    if (out.length >= count || best < 0.2) break;
    if (boxes.some((b) => iou(r, b) >= 0.2 || covers(r, b) >= 0.3)) continue;
    if (out.some((o) => iou(o, r) > 0.3)) continue;
    out.push(r);
  }
  return out;
}

/** The backbone sees the image stretched to a square, so grid cells are fractions of the image. */
export function windowBox(r: Region, grid: { width: number; height: number }): Detection['box'] {
  const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
  return { left: round4(r.x0 / grid.width), top: round4(r.y0 / grid.height), width: round4((r.x1 - r.x0) / grid.width), height: round4((r.y1 - r.y0) / grid.height) };
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
