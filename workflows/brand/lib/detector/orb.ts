/**
 * Keypoint verification: ORB features of each labelled logo crop (a template), matched against an
 * image's features with Lowe's ratio test, then a RANSAC homography; a logo is found when enough
 * matches agree on one plausible projection. High precision, because chance matches rarely agree.
 */
import type { GrayImage } from './gray';
import { openCv, type OpenCv } from './opencv';

export interface Features {
  /** x, y pairs in pixels of the image the features came from. */
  points: Float32Array;
  /** 32 bytes per keypoint. */
  descriptors: Uint8Array;
}

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

export async function orbFeatures(image: GrayImage, maxFeatures: number): Promise<Features> {
  const cv = await openCv();
  const mat = cv.matFromArray(image.height, image.width, cv.CV_8UC1, image.data);
  // OpenCV.js cannot bind ORB's full constructor (its ScoreType enum is unbound): set the rest after.
  const orb = new cv.ORB(maxFeatures);
  // Small crops: a 15-px patch keeps keypoints near a logo's edges that the default 31 px would drop.
  orb.setEdgeThreshold(15);
  orb.setPatchSize(15);
  const keypoints = new cv.KeyPointVector();
  const descriptors = new cv.Mat();
  const noMask = new cv.Mat();
  try {
    orb.detectAndCompute(mat, noMask, keypoints, descriptors);
    const count = keypoints.size();
    const points = new Float32Array(count * 2);
    for (let i = 0; i < count; i++) {
      const kp = keypoints.get(i);
      points[2 * i] = kp.pt.x;
      points[2 * i + 1] = kp.pt.y;
    }
    return { points, descriptors: count ? new Uint8Array(descriptors.data) : new Uint8Array(0) };
  } finally {
    [mat, orb, keypoints, descriptors, noMask].forEach((m) => m.delete());
  }
}

/** The best verified match of each template group (by label) in the image, strongest first. */
export async function matchTemplates(image: Features, templates: readonly Template[], minInliers: number): Promise<Match[]> {
  const cv = await openCv();
  if (image.descriptors.length < 32 * MIN_MATCHES) return [];
  const imageWords = words(image.descriptors);
  const best = new Map<string, Match>();
  for (const template of templates) {
    if (template.features.descriptors.length < 32 * MIN_MATCHES) continue;
    const pairs = goodMatches(words(template.features.descriptors), imageWords);
    if (pairs.length < Math.max(MIN_MATCHES, minInliers)) continue;
    const found = verify(cv, template, image, pairs);
    if (found && found.inliers >= minInliers && found.inliers > (best.get(template.label)?.inliers ?? 0)) best.set(template.label, found);
  }
  return [...best.values()].sort((a, b) => b.inliers - a.inliers);
}

/** Descriptors as 8 words each, for Hamming distances without a call into OpenCV per match. */
function words(descriptors: Uint8Array): Uint32Array {
  const copy = new Uint8Array(descriptors);
  return new Uint32Array(copy.buffer, 0, copy.length / 4);
}

function popcount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Brute-force nearest two neighbours of each query descriptor, kept when the nearest passes Lowe's ratio test. */
function goodMatches(query: Uint32Array, train: Uint32Array): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  const queries = query.length / 8;
  const trains = train.length / 8;
  for (let q = 0; q < queries; q++) {
    const qo = q * 8;
    let best = 257;
    let second = 257;
    let bestIndex = -1;
    for (let t = 0; t < trains; t++) {
      const to = t * 8;
      let d = 0;
      for (let w = 0; w < 8 && d < second; w++) d += popcount(query[qo + w]! ^ train[to + w]!);
      if (d < best) [second, best, bestIndex] = [best, d, t];
      else if (d < second) second = d;
    }
    if (bestIndex >= 0 && best < RATIO * second) pairs.push([q, bestIndex]);
  }
  return pairs;
}

function verify(cv: OpenCv, template: Template, image: Features, pairs: Array<[number, number]>): Match | undefined {
  const src = cv.matFromArray(pairs.length, 1, cv.CV_32FC2, pairs.flatMap(([q]) => [template.features.points[2 * q]!, template.features.points[2 * q + 1]!]));
  const dst = cv.matFromArray(pairs.length, 1, cv.CV_32FC2, pairs.flatMap(([, t]) => [image.points[2 * t]!, image.points[2 * t + 1]!]));
  const mask = new cv.Mat();
  let h: OpenCv | undefined;
  try {
    h = cv.findHomography(src, dst, cv.RANSAC, 5, mask, 500, 0.99);
    if (h.empty()) return undefined;
    let inliers = 0;
    for (let i = 0; i < mask.rows; i++) inliers += mask.data[i] ? 1 : 0;
    const corners = project(h.data64F as Float64Array, template.width, template.height);
    if (!plausible(corners, template)) return undefined;
    return { label: template.label, inliers, corners };
  } finally {
    [src, dst, mask].forEach((m) => m.delete());
    h?.delete();
  }
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
