/**
 * Fusing the head's probability with the ORB verifier's inlier count into one score per candidate
 * label: a logistic regression over (logit of the head's probability, log of 1 + inliers, and, when
 * the model has the zoomed second look, the logit of its probability for the label), fitted on
 * validation candidates (data neither the head nor the templates were trained on). The decision
 * threshold is chosen on out-of-fold scores of the same candidates, then fixed; confidence maps the
 * score onto AWS's 0–100 scale with the threshold at 50.
 */
import { seededRandom } from '../../../../src/services';

export interface Candidate {
  /** The head's best window probability for the label. */
  head: number;
  /** Agreeing keypoint matches of the label's best template (0 when none verified). */
  inliers: number;
  /** The zoomed second look's probability for the label in its window, when it looked (`zoom.ts`). */
  zoom?: number;
}

export interface Fusion {
  headWeight: number;
  orbWeight: number;
  /** Weight of the zoom's logit; absent in a fusion of two inputs. */
  zoomWeight?: number;
  bias: number;
  /** Fused scores at or above this are detections (confidence ≥ 50). */
  threshold: number;
}

/** Used when validation is too small to fit: the head decides, strong keypoint agreement adds to it. */
export const DEFAULT_FUSION: Fusion = { headWeight: 1, orbWeight: 1.5, bias: -1.5 * Math.log1p(8), threshold: 0.5 };

/** Validation needs this many right and this many wrong candidates before its fit is trusted. */
const MIN_EACH = 5;

const logit = (p: number) => Math.log(Math.min(1 - 1e-6, Math.max(1e-6, p)) / (1 - Math.min(1 - 1e-6, Math.max(1e-6, p))));
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** A candidate's fused score; one the zoom did not look at scores 0 under a fusion that has it. */
export function fusedScore(f: Omit<Fusion, 'threshold'>, c: Candidate): number {
  const zoom = f.zoomWeight === undefined ? 0 : c.zoom === undefined ? -Infinity : f.zoomWeight * zoomLogit(c.zoom);
  return sigmoid(f.headWeight * logit(c.head) + f.orbWeight * Math.log1p(c.inliers) + zoom + f.bias);
}

/**
 * The zoom's probability is a softmax over every brand and none: kept inside [1e-3, 1 − 1e-3] so one
 * over-confident crop cannot outweigh the other two inputs without bound.
 */
const zoomLogit = (p: number) => logit(Math.min(1 - 1e-3, Math.max(1e-3, p)));

/** 0–100 with the threshold at 50, monotone in the fused score. */
export function confidence(f: Fusion, score: number): number {
  const v = score < f.threshold ? (50 * score) / f.threshold : 50 + (50 * (score - f.threshold)) / Math.max(1e-9, 1 - f.threshold);
  return Math.round(Math.min(100, Math.max(0, v)) * 100) / 100;
}

/**
 * Logistic regression by Newton's method on two features (three with `zoom`: every candidate then
 * needs its zoom probability), with a small ridge for separable data.
 */
export function fitFusion(candidates: readonly Candidate[], right: readonly boolean[], ridge = 1e-2, zoom = false): Omit<Fusion, 'threshold'> {
  const rows = candidates.map((c) => {
    if (zoom && c.zoom === undefined) throw new RangeError('A fusion with the zoom needs every candidate\'s zoom probability.');
    return [logit(c.head), Math.log1p(c.inliers), ...(zoom ? [zoomLogit(c.zoom!)] : []), 1];
  });
  const n = zoom ? 4 : 3;
  let w = new Array<number>(n).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const g = new Array<number>(n).fill(0);
    // The ridge holds the weights, not the bias.
    const h = Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => (a === b ? (a === n - 1 ? 1e-6 : ridge) : 0)));
    rows.forEach((x, i) => {
      const p = sigmoid(x.reduce((sum, v, a) => sum + v * w[a]!, 0));
      const e = p - (right[i] ? 1 : 0);
      for (let a = 0; a < n; a++) {
        g[a]! += e * x[a]!;
        for (let b = 0; b < n; b++) h[a]![b]! += p * (1 - p) * x[a]! * x[b]!;
      }
    });
    for (let a = 0; a < n - 1; a++) g[a]! += ridge * w[a]!;
    const delta = solve(h, g);
    w = w.map((v, a) => v - delta[a]!);
    if (Math.max(...delta.map(Math.abs)) < 1e-8) break;
  }
  return { headWeight: w[0]!, orbWeight: w[1]!, ...(zoom ? { zoomWeight: w[2]! } : {}), bias: w[n - 1]! };
}

/** Gauss–Jordan elimination with partial pivoting on a small dense system. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    const pivot = m.slice(c).reduce((best, row, i) => (Math.abs(row[c]!) > Math.abs(m[best]![c]!) ? c + i : best), c);
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const d = m[c]![c]! || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / d;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / (row[i]! || 1e-12));
}

/** One validation image: the candidates it produced, each marked right when the image has that label. */
export interface ValidationImage {
  candidates: Array<Candidate & { right: boolean }>;
  /** The image shows a logo at all. */
  positive: boolean;
}

export interface FusionChoice {
  fusion: Fusion;
  /** Image-level scores on validation at the chosen threshold (from out-of-fold fused scores). */
  validation: { images: number; accuracy: number; precision: number; recall: number };
  fitted: boolean;
}

/**
 * Fits the fusion on every validation candidate and chooses the threshold that gives the best
 * image-level accuracy with precision ≥ `minPrecision` (an image's prediction is its best-scoring
 * candidate), on scores from a two-fold cross-fit by image, so the threshold is not chosen on scores
 * the fusion was fitted to. With `zoom`, the fusion has the zoom's probability as a third input and
 * is fitted on the candidates the zoom looked at (the others score 0).
 */
export function chooseFusion(images: readonly ValidationImage[], minPrecision = 0.92, zoom = false): FusionChoice {
  const fitted = (candidates: ValidationImage['candidates']) => (zoom ? candidates.filter((c) => c.zoom !== undefined) : candidates);
  const all = fitted(images.flatMap((i) => i.candidates));
  const rights = all.filter((c) => c.right).length;
  if (rights < MIN_EACH || all.length - rights < MIN_EACH) {
    // The zoom's weight is 0 rather than absent, so the model keeps saying it has the zoom.
    const fallback = zoom ? { ...DEFAULT_FUSION, zoomWeight: 0 } : DEFAULT_FUSION;
    return { fusion: fallback, validation: score(images.map((im) => best(fallback, im)), fallback.threshold), fitted: false };
  }
  const outOfFold: Array<ReturnType<typeof best>> = new Array(images.length);
  // Folds drawn at random (seeded): callers list a photo and its no-logo crop side by side.
  const random = seededRandom(17);
  const fold = images.map(() => (random() < 0.5 ? 0 : 1));
  for (const k of [0, 1]) {
    const train = fitted(images.filter((_, i) => fold[i] !== k).flatMap((im) => im.candidates));
    const f = fitFusion(train, train.map((c) => c.right), undefined, zoom);
    images.forEach((im, i) => {
      if (fold[i] === k) outOfFold[i] = best(f, im);
    });
  }
  let chosen = { threshold: 0.5, accuracy: -1, precision: 0 };
  for (let t = 0.05; t < 0.995; t += 0.01) {
    const s = score(outOfFold, t);
    const ok = s.precision >= minPrecision;
    const better = ok ? chosen.precision < minPrecision || s.accuracy > chosen.accuracy : chosen.precision < minPrecision && s.precision > chosen.precision;
    if (better) chosen = { threshold: round(t), accuracy: s.accuracy, precision: s.precision };
  }
  const fusion = { ...fitFusion(all, all.map((c) => c.right), undefined, zoom), threshold: chosen.threshold };
  return { fusion, validation: score(outOfFold, chosen.threshold), fitted: true };
}

/** An image's best candidate under a fusion: its score and whether it is right. */
function best(f: Omit<Fusion, 'threshold'>, im: ValidationImage): { score: number; right: boolean; positive: boolean } {
  let top = { score: 0, right: false, positive: im.positive };
  for (const c of im.candidates) {
    const s = fusedScore(f, c);
    if (s > top.score) top = { score: s, right: c.right, positive: im.positive };
  }
  return top;
}

function score(images: ReadonlyArray<{ score: number; right: boolean; positive: boolean }>, threshold: number) {
  let accurate = 0;
  let predicted = 0;
  let right = 0;
  for (const im of images) {
    const detected = im.score >= threshold;
    if (detected) predicted++;
    if (detected && im.right) right++;
    if (detected ? im.right : !im.positive) accurate++;
  }
  const positives = images.filter((i) => i.positive).length;
  return { images: images.length, accuracy: ratio(accurate, images.length), precision: predicted ? ratio(right, predicted) : 1, recall: ratio(right, positives) };
}

const ratio = (a: number, b: number) => (b ? round(a / b) : 0);
const round = (v: number) => Math.round(v * 1e4) / 1e4;
