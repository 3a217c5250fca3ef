/**
 * A RANSAC homography in TypeScript, made to decide as OpenCV's `findHomography(RANSAC)` does in the
 * keypoint verifier, at a sixth of its cost: on the verifier's sets of a dozen mostly chance matches
 * OpenCV.js's runs most of its 500 iterations in 5–6 ms (copying the points in is under 0.1 ms of it);
 * ours, without allocations and with a count that stops once a model cannot beat the best, in under 1.
 *
 * It follows OpenCV 4.5's RANSAC step by step, so that it draws the same samples and counts the same
 * inliers: OpenCV's generator (`cv::RNG`, seeded with all ones on every call, so a call is
 * deterministic), minimal samples of 4 distinct matches drawn as its `getSubset` draws them, refused as
 * its homography callback refuses them (the last point on a line through two others, in either image,
 * or triangles that do not all keep or all flip their orientation); an inlier is a match whose squared
 * reprojection error, computed in single precision as OpenCV does, is at most the threshold's square;
 * a model replaces the best only with more inliers (and more than 3); the iteration count starts at the
 * bound and shrinks as the best inlier share grows (`RANSACUpdateNumIters`); the count reported is the
 * best sample's; the matrix is then refined on those inliers as OpenCV refines it
 * (`homography-refine.ts`). Where it differs: a sample's model comes from a closed form instead of an
 * eigen-decomposition (the same matrix to rounding). On the bench video's 2,623 calls it counts the
 * same inliers as OpenCV's every time (`npm run bench:brand-ransac`).
 */
import { refine } from './homography-refine';
import { OpenCvRandom } from './opencv-random';

export interface RansacOptions {
  /** Largest reprojection error, in pixels, of an inlier. @default 5 */
  threshold?: number;
  /** Iterations at most. @default 500 */
  maxIterations?: number;
  /** Wanted probability that one sample was all inliers: the iteration count follows from it. @default 0.99 */
  confidence?: number;
}

export interface HomographyFit {
  /** Row-major 3×3, `m[8]` = 1, mapping `src` points onto `dst` points. */
  matrix: Float64Array;
  /** How many pairs the best sample's model explains within the threshold. */
  inliers: number;
  /** 1 for each pair among them. */
  mask: Uint8Array;
}

/** Pairs of points as x, y interleaved: `src[2i], src[2i+1]` goes to `dst[2i], dst[2i+1]`. */
export type HomographyFinder = (src: Float64Array, dst: Float64Array) => HomographyFit | undefined;

const SAMPLE = 4;
/** OpenCV's getSubset gives up after this many refused samples. */
const MAX_SAMPLE_ATTEMPTS = 10000;

export function ransacHomography(src: Float64Array, dst: Float64Array, options: RansacOptions = {}): HomographyFit | undefined {
  const count = src.length / 2;
  if (count < SAMPLE || dst.length !== src.length) return undefined;
  const limit = Math.fround((options.threshold ?? 5) ** 2);
  const confidence = options.confidence ?? 0.99;
  const random = new OpenCvRandom();
  let iterations = Math.max(options.maxIterations ?? 500, 1);
  // Scratch for the whole call: the loop below allocates nothing.
  let model = new Float64Array(9);
  let best = new Float64Array(9);
  let bestInliers = 0;
  const scratch = new Float64Array(18);
  const idx = new Int32Array(SAMPLE);
  for (let iteration = 0; iteration < iterations; iteration++) {
    if (!sample(src, dst, count, random, idx)) {
      if (iteration === 0) return undefined;
      break;
    }
    if (!fourPointInto(src, dst, idx, model, scratch)) continue;
    const needed = Math.max(bestInliers, SAMPLE - 1);
    const inliers = countInliers(src, dst, model, limit, needed);
    if (inliers > needed) {
      [best, model] = [model, best];
      bestInliers = inliers;
      iterations = updateIterations(confidence, (count - inliers) / count, iterations);
    }
  }
  if (bestInliers === 0) return undefined;
  const mask = inlierMask(src, dst, best, limit);
  return { matrix: refine(src, dst, mask, best), inliers: bestInliers, mask };
}

/** OpenCV's RANSACUpdateNumIters: the samples needed to draw one all-inlier sample with `confidence`, never more than `bound`. */
export function updateIterations(confidence: number, outlierShare: number, bound: number): number {
  const p = Math.min(Math.max(confidence, 0), 1);
  const ep = Math.min(Math.max(outlierShare, 0), 1);
  const num = Math.log(Math.max(1 - p, Number.MIN_VALUE));
  const denomBase = 1 - (1 - ep) ** SAMPLE;
  if (denomBase < Number.MIN_VALUE) return 0;
  const denom = Math.log(denomBase);
  return denom >= 0 || -num >= bound * -denom ? bound : Math.round(num / denom);
}

/** Four distinct pairs that pass OpenCV's sample checks, into `idx`, drawn as its `getSubset` draws them; false when none was found. */
function sample(src: Float64Array, dst: Float64Array, count: number, random: OpenCvRandom, idx: Int32Array): boolean {
  for (let attempt = 0; attempt < MAX_SAMPLE_ATTEMPTS; attempt++) {
    for (let i = 0; i < SAMPLE; i++) {
      let pick = random.uniform(0, count);
      while (drawn(idx, i, pick)) pick = random.uniform(0, count);
      idx[i] = pick;
    }
    if (!collinear(src, idx) && !collinear(dst, idx) && sameOrientation(src, dst, idx)) return true;
  }
  return false;
}

function drawn(idx: Int32Array, n: number, pick: number): boolean {
  for (let j = 0; j < n; j++) if (idx[j] === pick) return true;
  return false;
}

/**
 * Whether the sample's last point lies on a line through two of the others (OpenCV's
 * `haveCollinearPoints` on a whole sample; differences taken in single precision, as of its floats).
 */
function collinear(p: Float64Array, idx: Int32Array): boolean {
  const a = idx[SAMPLE - 1]!;
  for (let j = 0; j < SAMPLE - 1; j++) {
    const b = idx[j]!;
    const dx1 = Math.fround(p[2 * b]! - p[2 * a]!);
    const dy1 = Math.fround(p[2 * b + 1]! - p[2 * a + 1]!);
    for (let k = 0; k < j; k++) {
      const c = idx[k]!;
      const dx2 = Math.fround(p[2 * c]! - p[2 * a]!);
      const dy2 = Math.fround(p[2 * c + 1]! - p[2 * a + 1]!);
      if (Math.abs(dx2 * dy1 - dy2 * dx1) <= FLT_EPSILON * (Math.abs(dx1) + Math.abs(dy1) + Math.abs(dx2) + Math.abs(dy2))) return true;
    }
  }
  return false;
}

const FLT_EPSILON = 1.1920928955078125e-7;

/** A homography keeps every triangle's orientation or flips them all; a sample that mixes cannot be one. */
function sameOrientation(src: Float64Array, dst: Float64Array, idx: Int32Array): boolean {
  const [i0, i1, i2, i3] = [idx[0]!, idx[1]!, idx[2]!, idx[3]!];
  const negative =
    Number(orientation(src, i0, i1, i2) * orientation(dst, i0, i1, i2) < 0) +
    Number(orientation(src, i1, i2, i3) * orientation(dst, i1, i2, i3) < 0) +
    Number(orientation(src, i0, i2, i3) * orientation(dst, i0, i2, i3) < 0) +
    Number(orientation(src, i0, i1, i3) * orientation(dst, i0, i1, i3) < 0);
  return negative === 0 || negative === 4;
}

/** The determinant of the rows (x, y, 1) of points a, b, c, expanded as OpenCV's `determinant(Matx33d)` does. */
function orientation(p: Float64Array, a: number, b: number, c: number): number {
  const x0 = p[2 * a]!;
  const y0 = p[2 * a + 1]!;
  const x1 = p[2 * b]!;
  const y1 = p[2 * b + 1]!;
  const x2 = p[2 * c]!;
  const y2 = p[2 * c + 1]!;
  return x0 * (y1 - y2) - y0 * (x1 - x2) + (x1 * y2 - x2 * y1);
}

/** The homography through four pairs (`idx`), with `m[8]` = 1; undefined when three of them are collinear. */
export function fourPointHomography(src: Float64Array, dst: Float64Array, idx: ArrayLike<number>): Float64Array | undefined {
  const out = new Float64Array(9);
  return fourPointInto(src, dst, Int32Array.from(idx), out, new Float64Array(18)) ? out : undefined;
}

/**
 * The homography through four pairs into `out`: each side's projective basis (the matrix taking the
 * unit points to its four points) composed as dst · src⁻¹, with the adjugate for the inverse (scale
 * does not matter). `scratch` holds the two bases.
 */
function fourPointInto(src: Float64Array, dst: Float64Array, idx: Int32Array, out: Float64Array, scratch: Float64Array): boolean {
  if (!basis(src, idx, scratch, 0) || !basis(dst, idx, scratch, 9)) return false;
  const s = scratch;
  // adj(S), S in scratch[0..8].
  const a0 = s[4]! * s[8]! - s[5]! * s[7]!;
  const a1 = s[2]! * s[7]! - s[1]! * s[8]!;
  const a2 = s[1]! * s[5]! - s[2]! * s[4]!;
  const a3 = s[5]! * s[6]! - s[3]! * s[8]!;
  const a4 = s[0]! * s[8]! - s[2]! * s[6]!;
  const a5 = s[2]! * s[3]! - s[0]! * s[5]!;
  const a6 = s[3]! * s[7]! - s[4]! * s[6]!;
  const a7 = s[1]! * s[6]! - s[0]! * s[7]!;
  const a8 = s[0]! * s[4]! - s[1]! * s[3]!;
  for (let r = 0; r < 3; r++) {
    const d0 = s[9 + 3 * r]!;
    const d1 = s[10 + 3 * r]!;
    const d2 = s[11 + 3 * r]!;
    out[3 * r] = d0 * a0 + d1 * a3 + d2 * a6;
    out[3 * r + 1] = d0 * a1 + d1 * a4 + d2 * a7;
    out[3 * r + 2] = d0 * a2 + d1 * a5 + d2 * a8;
  }
  const scale = out[8]!;
  if (!Number.isFinite(scale) || Math.abs(scale) < 1e-12) return false;
  for (let i = 0; i < 9; i++) out[i]! /= scale;
  return true;
}

/** The matrix taking (1,0,0), (0,1,0), (0,0,1), (1,1,1) to the four points, into `out` from `at`; false when three are collinear. */
function basis(p: Float64Array, idx: Int32Array, out: Float64Array, at: number): boolean {
  const x0 = p[2 * idx[0]!]!;
  const y0 = p[2 * idx[0]! + 1]!;
  const x1 = p[2 * idx[1]!]!;
  const y1 = p[2 * idx[1]! + 1]!;
  const x2 = p[2 * idx[2]!]!;
  const y2 = p[2 * idx[2]! + 1]!;
  const x3 = p[2 * idx[3]!]!;
  const y3 = p[2 * idx[3]! + 1]!;
  const det = x0 * (y1 - y2) + x1 * (y2 - y0) + x2 * (y0 - y1);
  if (Math.abs(det) < 1e-12) return false;
  // l solves [x0 x1 x2; y0 y1 y2; 1 1 1] · l = (x3, y3, 1), by the adjugate over the determinant.
  const l0 = ((y1 - y2) * x3 + (x2 - x1) * y3 + (x1 * y2 - x2 * y1)) / det;
  const l1 = ((y2 - y0) * x3 + (x0 - x2) * y3 + (x2 * y0 - x0 * y2)) / det;
  const l2 = ((y0 - y1) * x3 + (x1 - x0) * y3 + (x0 * y1 - x1 * y0)) / det;
  out[at] = x0 * l0;
  out[at + 1] = x1 * l1;
  out[at + 2] = x2 * l2;
  out[at + 3] = y0 * l0;
  out[at + 4] = y1 * l1;
  out[at + 5] = y2 * l2;
  out[at + 6] = l0;
  out[at + 7] = l1;
  out[at + 8] = l2;
  return true;
}

const f = Math.fround;

/**
 * OpenCV's homography `computeError` for pair i: the squared reprojection error in single precision,
 * every operation rounded as a float's (h's entries are already floats).
 */
function error32(src: Float64Array, dst: Float64Array, h: Float32Array, i: number): number {
  const x = src[2 * i]!;
  const y = src[2 * i + 1]!;
  const w = f(1 / f(f(f(h[6]! * x) + f(h[7]! * y)) + 1));
  const dx = f(f(f(f(f(h[0]! * x) + f(h[1]! * y)) + h[2]!) * w) - dst[2 * i]!);
  const dy = f(f(f(f(f(h[3]! * x) + f(h[4]! * y)) + h[5]!) * w) - dst[2 * i + 1]!);
  return f(f(dx * dx) + f(dy * dy));
}

const single = new Float32Array(8);

/**
 * The pairs within `limit` under h; stops once it cannot exceed `needed` (the caller keeps a model only
 * above that, so a count that cannot get there need not be exact).
 */
function countInliers(src: Float64Array, dst: Float64Array, h: Float64Array, limit: number, needed: number): number {
  for (let k = 0; k < 8; k++) single[k] = h[k]!;
  const count = src.length / 2;
  let n = 0;
  for (let i = 0; i < count; i++) {
    if (error32(src, dst, single, i) <= limit) n++;
    else if (n + count - i - 1 <= needed) return n;
  }
  return n;
}

function inlierMask(src: Float64Array, dst: Float64Array, h: Float64Array, limit: number): Uint8Array {
  for (let k = 0; k < 8; k++) single[k] = h[k]!;
  const mask = new Uint8Array(src.length / 2);
  for (let i = 0; i < mask.length; i++) mask[i] = error32(src, dst, single, i) <= limit ? 1 : 0;
  return mask;
}
