/**
 * OpenCV's refinement of a RANSAC homography on its inliers, reproduced for our RANSAC (`homography.ts`):
 * the same start and the same steps, since ten steps often stop short of the optimum on a few inliers.
 */
import { eigenInverseDiagonal, eigenSolve, symmetricEigen } from './symmetric-eigen';

const LM_ITERATIONS = 10;
const FLT_EPSILON = 1.1920928955078125e-7;

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
