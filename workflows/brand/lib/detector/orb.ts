/**
 * Keypoint verification: binary features (ORB, AKAZE or BRISK) of each labelled logo crop (a template),
 * matched against an image's features with Lowe's ratio test, then a RANSAC homography; a logo is found
 * when enough matches agree on one plausible projection. High precision, because chance matches rarely
 * agree.
 */
import type { GrayImage } from './gray';
import { nearestTwo, type Nearest } from './hamming';
import type { HomographyFinder } from './homography';
import { openCv, type OpenCv } from './opencv';
import type { StageTimer } from './stages';

export interface Features {
  /** x, y pairs in pixels of the image the features came from. */
  points: Float32Array;
  /** The same number of bytes per keypoint (32 for ORB, 64 for AKAZE's 61 zero-padded and BRISK's). */
  descriptors: Uint8Array;
}

/** The binary feature types OpenCV.js offers; all are matched by Hamming distance. */
export const KEYPOINT_KINDS = ['orb', 'akaze', 'brisk'] as const;
export type KeypointKind = (typeof KEYPOINT_KINDS)[number];

export interface Template {
  label: string;
  /** The image the crop came from, so calibration can leave it out. */
  source: string;
  width: number;
  height: number;
  features: Features;
}

export interface Match {
  label: string;
  inliers: number;
  /** The template's corners projected into the image, in its pixels. */
  corners: Array<[number, number]>;
}

const RATIO = 0.8;
const MIN_MATCHES = 6;

export function orbFeatures(image: GrayImage, maxFeatures: number): Promise<Features> {
  return keypointFeatures(image, maxFeatures, 'orb');
}

/** The image's `maxFeatures` strongest keypoints of the given kind, with their descriptors. */
export async function keypointFeatures(image: GrayImage, maxFeatures: number, kind: KeypointKind): Promise<Features> {
  const cv = await openCv();
  const mat = cv.matFromArray(image.height, image.width, cv.CV_8UC1, image.data);
  const detector = detectorFor(cv, kind, maxFeatures);
  const keypoints = new cv.KeyPointVector();
  const descriptors = new cv.Mat();
  const noMask = new cv.Mat();
  try {
    detector.detectAndCompute(mat, noMask, keypoints, descriptors);
    const count = keypoints.size();
    if (count === 0) return { points: new Float32Array(0), descriptors: new Uint8Array(0) };
    const found = Array.from({ length: count }, (_, i) => {
      const kp = keypoints.get(i);
      return { i, x: kp.pt.x as number, y: kp.pt.y as number, response: kp.response as number };
    });
    // AKAZE and BRISK have no feature budget of their own: keep the strongest responses.
    const kept = found.length > maxFeatures ? [...found].sort((a, b) => b.response - a.response).slice(0, maxFeatures) : found;
    const bytes = descriptors.cols as number;
    const stride = Math.ceil(bytes / 4) * 4;
    const raw = descriptors.data as Uint8Array;
    const points = new Float32Array(kept.length * 2);
    const out = new Uint8Array(kept.length * stride);
    kept.forEach((k, j) => {
      points[2 * j] = k.x;
      points[2 * j + 1] = k.y;
      out.set(raw.subarray(k.i * bytes, (k.i + 1) * bytes), j * stride);
    });
    return { points, descriptors: out };
  } finally {
    [mat, keypoints, descriptors, noMask].forEach((m) => m.delete());
  }
}

/** Detectors are kept for the process: BRISK builds its sampling pattern on construction, which costs more than a crop's features. */
const detectors = new Map<string, OpenCv>();

function detectorFor(cv: OpenCv, kind: KeypointKind, maxFeatures: number): OpenCv {
  const key = kind === 'orb' ? `orb:${maxFeatures}` : kind;
  if (!detectors.has(key)) detectors.set(key, makeDetector(cv, kind, maxFeatures));
  return detectors.get(key)!;
}

function makeDetector(cv: OpenCv, kind: KeypointKind, maxFeatures: number): OpenCv {
  if (kind === 'akaze') {
    // MLDB binary descriptors (the default); a lower threshold than 0.001 finds enough points on small logos.
    const akaze = new cv.AKAZE();
    akaze.setThreshold(0.0005);
    return akaze;
  }
  // FAST threshold 20 (default 30) for the same reason; 3 octaves, pattern scale 1.
  if (kind === 'brisk') return new cv.BRISK(20, 3, 1);
  // OpenCV.js cannot bind ORB's full constructor (its ScoreType enum is unbound): set the rest after.
  const orb = new cv.ORB(maxFeatures);
  // Small crops: a 15-px patch keeps keypoints near a logo's edges that the default 31 px would drop.
  orb.setEdgeThreshold(15);
  orb.setPatchSize(15);
  return orb;
}

/** Bytes per descriptor of a feature set (32 when it has none). */
export function descriptorBytes(features: Features): number {
  const count = features.points.length / 2;
  return count ? features.descriptors.length / count : 32;
}

export interface MatchOptions {
  timer?: StageTimer;
  /**
   * The inliers below which a label's match does not matter to the caller: templates that cannot reach
   * it are neither matched nor verified, so a label's match is exact only from there.
   */
  floors?: ReadonlyMap<string, number>;
  /** The RANSAC homography that verifies a template's matches. @default OpenCV's (`openCvHomography`) */
  homography?: HomographyFinder;
}

/**
 * The best verified match of each template group (by label) in the image, strongest first. Every
 * template's descriptors are matched in one search; a template is verified only when its matches could
 * still beat its label's best (a homography has no more inliers than matches, and ties keep the first).
 */
export async function matchTemplates(image: Features, templates: readonly Template[], minInliers: number, options: MatchOptions = {}): Promise<Match[]> {
  const { timer, floors } = options;
  const find = options.homography ?? openCvHomography(await openCv());
  if (image.points.length < 2 * MIN_MATCHES) return [];
  const bytes = descriptorBytes(image);
  const floor = (t: Template) => Math.max(minInliers, floors?.get(t.label) ?? 0);
  const usable = templates.filter((t) => t.features.points.length >= 2 * MIN_MATCHES && t.features.points.length / 2 >= floor(t));
  const mismatched = usable.find((t) => descriptorBytes(t.features) !== bytes);
  if (mismatched) throw new TypeError(`Templates of ${descriptorBytes(mismatched.features)}-byte descriptors cannot match an image's ${bytes}-byte ones`);
  let started = performance.now();
  const nearest = nearestTwo(concatenate(usable.map((t) => t.features.descriptors)), image.descriptors, bytes);
  timer?.('matching', performance.now() - started);
  started = performance.now();
  const best = new Map<string, Match>();
  let first = 0;
  for (const template of usable) {
    const count = template.features.points.length / 2;
    const pairs = goodMatches(nearest, first, count);
    first += count;
    if (pairs.length < Math.max(MIN_MATCHES, floor(template)) || pairs.length <= (best.get(template.label)?.inliers ?? 0)) continue;
    const found = verify(find, template, image, pairs);
    if (found && found.inliers >= minInliers && found.inliers > (best.get(template.label)?.inliers ?? 0)) best.set(template.label, found);
  }
  timer?.('ransac', performance.now() - started);
  return [...best.values()].sort((a, b) => b.inliers - a.inliers);
}

function concatenate(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A template's query descriptors (`count` from `first`) whose nearest image descriptor passes Lowe's ratio test. */
function goodMatches(nearest: Nearest, first: number, count: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let q = 0; q < count; q++) {
    const i = first + q;
    if (nearest.index[i]! >= 0 && nearest.best[i]! < RATIO * nearest.second[i]!) pairs.push([q, nearest.index[i]!]);
  }
  return pairs;
}

function verify(find: HomographyFinder, template: Template, image: Features, pairs: Array<[number, number]>): Match | undefined {
  const src = new Float64Array(2 * pairs.length);
  const dst = new Float64Array(2 * pairs.length);
  pairs.forEach(([q, t], i) => {
    src[2 * i] = template.features.points[2 * q]!;
    src[2 * i + 1] = template.features.points[2 * q + 1]!;
    dst[2 * i] = image.points[2 * t]!;
    dst[2 * i + 1] = image.points[2 * t + 1]!;
  });
  const fit = find(src, dst);
  if (!fit) return undefined;
  const corners = project(fit.matrix, template.width, template.height);
  if (!plausible(corners, template)) return undefined;
  return { label: template.label, inliers: fit.inliers, corners };
}

/** OpenCV's `findHomography` with RANSAC (5 px, 500 iterations, confidence 0.99), the points copied into its matrices. */
export function openCvHomography(cv: OpenCv): HomographyFinder {
  return (srcPoints, dstPoints) => {
    const src = cv.matFromArray(srcPoints.length / 2, 1, cv.CV_32FC2, Array.from(srcPoints));
    const dst = cv.matFromArray(dstPoints.length / 2, 1, cv.CV_32FC2, Array.from(dstPoints));
    const mask = new cv.Mat();
    let h: OpenCv | undefined;
    try {
      h = cv.findHomography(src, dst, cv.RANSAC, 5, mask, 500, 0.99);
      if (h.empty()) return undefined;
      const inliers = Uint8Array.from(mask.data as Uint8Array, (v) => (v ? 1 : 0));
      return { matrix: Float64Array.from(h.data64F as Float64Array), inliers: inliers.reduce((n, v) => n + v, 0), mask: inliers };
    } finally {
      [src, dst, mask].forEach((m) => m.delete());
      h?.delete();
    }
  };
}

function project(m: Float64Array, w: number, h: number): Array<[number, number]> {
  return ([[0, 0], [w, 0], [w, h], [0, h]] as Array<[number, number]>).map(([x, y]) => {
    const z = m[6]! * x + m[7]! * y + m[8]!;
    return [(m[0]! * x + m[1]! * y + m[2]!) / z, (m[3]! * x + m[4]! * y + m[5]!) / z];
  });
}

/** A real logo projects to a convex quadrilateral of sensible size; a chance fit folds or collapses. */
function plausible(corners: Array<[number, number]>, template: Template): boolean {
  let sign = 0;
  let area = 0;
  for (let i = 0; i < 4; i++) {
    const [a, b, c] = [corners[i]!, corners[(i + 1) % 4]!, corners[(i + 2) % 4]!];
    const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
    if (!Number.isFinite(cross)) return false;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
    area += a[0] * b[1] - b[0] * a[1];
  }
  const ratio = Math.abs(area / 2) / (template.width * template.height);
  return ratio > 0.01 && ratio < 25;
}
