/**
 * A RANSAC homography in TypeScript, made to decide as OpenCV's `findHomography(RANSAC)` does in the
 * keypoint verifier, without its per-call cost: OpenCV.js needs every call's points copied into
 * WebAssembly matrices and back, which on a video frame's dozens of calls costs more than the fit.
 *
 * It follows OpenCV 4.5's RANSAC step by step, so that it draws the same samples and counts the same
 * inliers: OpenCV's generator (`cv::RNG`, seeded with all ones on every call, so a call is
 * deterministic), minimal samples of 4 distinct matches drawn as its `getSubset` draws them, refused as
 * its homography callback refuses them (the last point on a line through two others, in either image,
 * or triangles that do not all keep or all flip their orientation); an inlier is a match whose squared
 * reprojection error, computed in single precision as OpenCV does, is at most the threshold's square;
 * a model replaces the best only with more inliers (and more than 3); the iteration count starts at the
 * bound and shrinks as the best inlier share grows (`RANSACUpdateNumIters`); the count reported is the
 * best sample's. Where it differs: a sample's model comes from a closed form instead of an
 * eigen-decomposition (the same matrix to rounding), and the refinement on the inliers is a
 * Levenberg–Marquardt of our own on the reprojection error, started from the best sample's model
 * rather than from a least-squares fit of the inliers.
 */

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
const LM_ITERATIONS = 10;

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

/**
 * OpenCV's `cv::RNG`, a multiply-with-carry generator on a 64-bit state, here in two 32-bit halves
 * (every product below stays within a double's exact integers).
 */
export class OpenCvRandom {
  private lo = 0xffffffff;
  private hi = 0xffffffff;

  /** The next 32-bit value: state = low 32 bits × 4164903690 + high 32 bits. */
  next(): number {
    // `>>> 0` takes an integral double modulo 2³², without a floating-point remainder.
    const a1 = this.lo >>> 16;
    const a0 = this.lo & 0xffff;
    const mid = a1 * C0 + a0 * C1;
    const midLow = mid >>> 0;
    const low = a0 * C0 + (midLow & 0xffff) * 65536 + this.hi;
    const lowBits = low >>> 0;
    this.hi = (a1 * C1 + (mid - (midLow & 0xffff)) / 65536 + (low - lowBits) / 4294967296) >>> 0;
    this.lo = lowBits;
    return lowBits;
  }

  /** An integer in [a, b), as `RNG::uniform(int, int)` makes it (b − a below 2²⁰, so the quotient is exact). */
  uniform(a: number, b: number): number {
    if (a === b) return a;
    const v = this.next();
    const n = b - a;
    return v - Math.floor(v / n) * n + a;
  }
}

/** 4164903690, OpenCV's multiplier, in 16-bit halves. */
const C1 = 0xf83f;
const C0 = 0x630a;

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

/**
 * OpenCV's refinement of the best sample's model on its inliers: a least-squares fit of all of them
 * (`refit`), then at most 10 steps of its Levenberg–Marquardt (`levenbergMarquardt`) on the
 * reprojection error over the eight free entries (h₂₂ = 1). Ten steps often stop short of the
 * optimum on a few inliers, so the result depends on the path: both are followed as OpenCV takes them.
 */
export function refine(src: Float64Array, dst: Float64Array, mask: Uint8Array, start: Float64Array): Float64Array {
  const s: number[] = [];
  const d: number[] = [];
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    s.push(src[2 * i]!, src[2 * i + 1]!);
    d.push(dst[2 * i]!, dst[2 * i + 1]!);
  }
  const [inSrc, inDst] = [Float64Array.from(s), Float64Array.from(d)];
  return levenbergMarquardt(inSrc, inDst, refit(inSrc, inDst) ?? start);
}

/**
 * The homography minimising the algebraic error of all pairs, on coordinates centred and scaled by
 * their mean absolute deviation (OpenCV's `HomographyEstimatorCallback::runKernel`): the eigenvector
 * of the smallest eigenvalue of LᵀL.
 */
export function refit(src: Float64Array, dst: Float64Array): Float64Array | undefined {
  const count = src.length / 2;
  const mean = (p: Float64Array, c: number) => {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += p[2 * i + c]!;
    return sum / count;
  };
  const spread = (p: Float64Array, c: number, centre: number) => {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += Math.abs(p[2 * i + c]! - centre);
    return sum;
  };
  const [cmx, cmy, cMx, cMy] = [mean(dst, 0), mean(dst, 1), mean(src, 0), mean(src, 1)];
  let [smx, smy, sMx, sMy] = [spread(dst, 0, cmx), spread(dst, 1, cmy), spread(src, 0, cMx), spread(src, 1, cMy)];
  if (Math.min(Math.abs(smx), Math.abs(smy), Math.abs(sMx), Math.abs(sMy)) < Number.EPSILON) return undefined;
  [smx, smy, sMx, sMy] = [count / smx, count / smy, count / sMx, count / sMy];
  const ltl = new Float64Array(81);
  for (let i = 0; i < count; i++) {
    const x = (dst[2 * i]! - cmx) * smx;
    const y = (dst[2 * i + 1]! - cmy) * smy;
    const X = (src[2 * i]! - cMx) * sMx;
    const Y = (src[2 * i + 1]! - cMy) * sMy;
    const lx = [X, Y, 1, 0, 0, 0, -x * X, -x * Y, -x];
    const ly = [0, 0, 0, X, Y, 1, -y * X, -y * Y, -y];
    for (let j = 0; j < 9; j++) for (let k = j; k < 9; k++) ltl[9 * j + k]! += lx[j]! * lx[k]! + ly[j]! * ly[k]!;
  }
  for (let j = 0; j < 9; j++) for (let k = 0; k < j; k++) ltl[9 * j + k] = ltl[9 * k + j]!;
  const { values, vectors } = symmetricEigen(ltl, 9);
  let smallest = 0;
  for (let i = 1; i < 9; i++) if (values[i]! < values[smallest]!) smallest = i;
  const h0 = Float64Array.from({ length: 9 }, (_, i) => vectors[9 * i + smallest]!);
  const invNorm = Float64Array.of(1 / smx, 0, cmx, 0, 1 / smy, cmy, 0, 0, 1);
  const norm = Float64Array.of(sMx, 0, -cMx * sMx, 0, sMy, -cMy * sMy, 0, 0, 1);
  const h = multiply(multiply(invNorm, h0), norm);
  const scale = h[8]!;
  if (!Number.isFinite(scale) || scale === 0) return undefined;
  return h.map((v) => v / scale);
}

/**
 * OpenCV 4.5's `LMSolver` (10 iterations, stopping when a step or every residual falls under
 * FLT_EPSILON) on the reprojection error: the damping λ starts at 1 on JᵀJ's first diagonal, halves
 * (to 0 under its cut-off) when a step gains more than ¾ of what the model predicted and grows when it
 * gains less than ¼; a step is kept only when it lowers the error.
 */
export function levenbergMarquardt(src: Float64Array, dst: Float64Array, start: Float64Array): Float64Array {
  let x = start.slice(0, 8);
  let { r, jtj: a, jtr: v } = residuals(src, dst, x, true);
  let s = sumSquares(r);
  const diag = Array.from({ length: 8 }, (_, i) => a[9 * i]!);
  const [rlo, rhi] = [0.25, 0.75];
  let lambda = 1;
  let lc = 0.75;
  for (let iteration = 1; ; iteration++) {
    const ap = Float64Array.from(a);
    for (let i = 0; i < 8; i++) ap[9 * i]! += lambda * diag[i]!;
    const d = eigenSolve(ap, v, 8);
    const xd = x.map((value, i) => value - d[i]!);
    const rd = residuals(src, dst, xd, false).r;
    const sd = sumSquares(rd);
    // dS = dᵀ(2v − A·d): the decrease the linear model predicts.
    let ds = 0;
    for (let i = 0; i < 8; i++) {
      let ad = 0;
      for (let j = 0; j < 8; j++) ad += a[8 * i + j]! * d[j]!;
      ds += d[i]! * (2 * v[i]! - ad);
    }
    const ratio = (s - sd) / (Math.abs(ds) > Number.EPSILON ? ds : 1);
    if (ratio > rhi) {
      lambda *= 0.5;
      if (lambda < lc) lambda = 0;
    } else if (ratio < rlo) {
      const t = dot(d, v);
      let nu = Math.min(Math.max((sd - s) / (Math.abs(t) > Number.EPSILON ? t : 1) + 2, 2), 10);
      if (lambda === 0) {
        const inverse = eigenInverseDiagonal(a, 8);
        lambda = lc = 1 / Math.max(Number.EPSILON, ...inverse.map(Math.abs));
        nu *= 0.5;
      }
      lambda *= nu;
    }
    if (sd < s) {
      s = sd;
      x = xd;
      ({ r, jtj: a, jtr: v } = residuals(src, dst, x, true));
    }
    const proceed = iteration < LM_ITERATIONS && maxAbs(d) >= FLT_EPSILON && maxAbs(r) >= FLT_EPSILON;
    if (!proceed) break;
  }
  return Float64Array.of(...x, 1);
}

/** OpenCV's `HomographyRefineCallback::compute`: residuals, and with `jacobian` JᵀJ (8×8) and Jᵀr. */
function residuals(src: Float64Array, dst: Float64Array, h: Float64Array, jacobian: boolean): { r: Float64Array; jtj: Float64Array; jtr: Float64Array } {
  const count = src.length / 2;
  const r = new Float64Array(2 * count);
  const jtj = new Float64Array(64);
  const jtr = new Float64Array(8);
  const jx = new Float64Array(8);
  const jy = new Float64Array(8);
  for (let i = 0; i < count; i++) {
    const mx = src[2 * i]!;
    const my = src[2 * i + 1]!;
    let ww = h[6]! * mx + h[7]! * my + 1;
    ww = Math.abs(ww) > Number.EPSILON ? 1 / ww : 0;
    const xi = (h[0]! * mx + h[1]! * my + h[2]!) * ww;
    const yi = (h[3]! * mx + h[4]! * my + h[5]!) * ww;
    r[2 * i] = xi - dst[2 * i]!;
    r[2 * i + 1] = yi - dst[2 * i + 1]!;
    if (!jacobian) continue;
    jx.set([mx * ww, my * ww, ww, 0, 0, 0, -mx * ww * xi, -my * ww * xi]);
    jy.set([0, 0, 0, mx * ww, my * ww, ww, -mx * ww * yi, -my * ww * yi]);
    for (let a = 0; a < 8; a++) {
      jtr[a]! += jx[a]! * r[2 * i]! + jy[a]! * r[2 * i + 1]!;
      for (let b = 0; b < 8; b++) jtj[8 * a + b]! += jx[a]! * jx[b]! + jy[a]! * jy[b]!;
    }
  }
  return { r, jtj, jtr };
}

function multiply(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(9);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) out[3 * r + c] = a[3 * r]! * b[c]! + a[3 * r + 1]! * b[3 + c]! + a[3 * r + 2]! * b[6 + c]!;
  return out;
}

const sumSquares = (v: Float64Array) => dot(v, v);
const maxAbs = (v: ArrayLike<number>) => Math.max(0, ...Array.from(v, Math.abs));

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

/**
 * a · x = b for a symmetric a through its eigen-decomposition, eigenvalues no larger than rounding
 * (relative to their sum) left out, as OpenCV's `solve(DECOMP_EIG)` does.
 */
function eigenSolve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const { values, vectors } = symmetricEigen(a, n);
  const threshold = 2 * Number.EPSILON * values.reduce((sum, w) => sum + Math.abs(w), 0);
  const x = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (Math.abs(values[k]!) <= threshold) continue;
    let projection = 0;
    for (let i = 0; i < n; i++) projection += vectors[n * i + k]! * b[i]!;
    projection /= values[k]!;
    for (let i = 0; i < n; i++) x[i]! += projection * vectors[n * i + k]!;
  }
  return x;
}

/** The diagonal of a symmetric a's (pseudo-)inverse. */
function eigenInverseDiagonal(a: Float64Array, n: number): number[] {
  const { values, vectors } = symmetricEigen(a, n);
  const threshold = 2 * Number.EPSILON * values.reduce((sum, w) => sum + Math.abs(w), 0);
  return Array.from({ length: n }, (_, i) => {
    let sum = 0;
    for (let k = 0; k < n; k++) if (Math.abs(values[k]!) > threshold) sum += (vectors[n * i + k]! * vectors[n * i + k]!) / values[k]!;
    return sum;
  });
}

/** Eigenvalues and eigenvectors (columns of `vectors`, row-major n×n) of a symmetric matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(matrix: ArrayLike<number>, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[n * i + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += a[n * i + i]! * a[n * i + i]!;
      for (let j = i + 1; j < n; j++) off += a[n * i + j]! * a[n * i + j]!;
    }
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[n * p + q]!;
        if (apq === 0) continue;
        const theta = (a[n * q + q]! - a[n * p + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[n * k + p]!;
          const akq = a[n * k + q]!;
          a[n * k + p] = c * akp - sn * akq;
          a[n * k + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[n * p + k]!;
          const aqk = a[n * q + k]!;
          a[n * p + k] = c * apk - sn * aqk;
          a[n * q + k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[n * k + p]!;
          const vkq = v[n * k + q]!;
          v[n * k + p] = c * vkp - sn * vkq;
          v[n * k + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: n }, (_, i) => a[n * i + i]!), vectors: v };
}
