/**
 * Our RANSAC homography: it finds a known projection among outliers, refuses matches that agree on
 * none, and decides as OpenCV's `findHomography(RANSAC, 5 px, 500 iterations, 0.99)` does: the same
 * inlier count and, after the refinement, the same projection to well under a pixel.
 */
import { seededRandom } from '../../../../../src/services';
import { fourPointHomography, ransacHomography, updateIterations } from '../../../../../workflows/brand/lib/detector/homography';
import { openCv } from '../../../../../workflows/brand/lib/detector/opencv';
import { openCvHomography } from '../../../../../workflows/brand/lib/detector/orb';

/** A perspective of a 200×120 template into a 640×360 frame: scaled, turned a little, tilted. */
const H = Float64Array.of(0.9, 0.12, 210, -0.08, 0.85, 95, 0.0004, -0.0002, 1);

function project(h: ArrayLike<number>, x: number, y: number): [number, number] {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
}

/**
 * `inliers` template points projected by H with up to `noise` px of error, then `outliers` pairs of
 * unrelated points; coordinates are rounded to floats, as keypoints are.
 */
function pairs(inliers: number, outliers: number, seed: number, noise = 1): { src: Float64Array; dst: Float64Array } {
  const random = seededRandom(seed);
  const src: number[] = [];
  const dst: number[] = [];
  for (let i = 0; i < inliers; i++) {
    const [x, y] = [random() * 200, random() * 120];
    const [u, v] = project(H, x, y);
    src.push(x, y);
    dst.push(u + (random() - 0.5) * noise, v + (random() - 0.5) * noise);
  }
  for (let i = 0; i < outliers; i++) {
    src.push(random() * 200, random() * 120);
    dst.push(random() * 640, random() * 360);
  }
  return { src: Float64Array.from(Float32Array.from(src)), dst: Float64Array.from(Float32Array.from(dst)) };
}

const corners = [[0, 0], [200, 0], [200, 120], [0, 120]] as const;
const cornerShift = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Math.max(...corners.map(([x, y]) => {
    const [p, q] = [project(a, x, y), project(b, x, y)];
    return Math.hypot(p[0] - q[0], p[1] - q[1]);
  }));

test('it finds a known homography among as many outliers, and every inlier', () => {
  const { src, dst } = pairs(40, 40, 3);
  const fit = ransacHomography(src, dst)!;
  expect(fit.inliers).toBeGreaterThanOrEqual(40);
  expect(fit.inliers).toBeLessThan(44);
  expect(Array.from(fit.mask.subarray(0, 40))).toEqual(Array<number>(40).fill(1));
  expect(fit.matrix[8]).toBe(1);
  expect(cornerShift(fit.matrix, H)).toBeLessThan(1);
});

test.each([11, 16, 40, 150])('it finds no agreement among %i random matches', (n) => {
  const { src, dst } = pairs(0, n, 100 + n);
  const fit = ransacHomography(src, dst);
  // Any four pairs fit exactly; chance agreement beyond them stays far below the verifier's 8.
  expect(fit?.inliers ?? 0).toBeLessThan(8);
});

test('fewer than four pairs, or arrays that do not pair up, give no homography', () => {
  const { src, dst } = pairs(3, 0, 5);
  expect(ransacHomography(src, dst)).toBeUndefined();
  expect(ransacHomography(pairs(10, 0, 5).src, pairs(9, 0, 5).dst)).toBeUndefined();
});

test('four pairs determine the homography exactly; three collinear points determine none', () => {
  const src = Float64Array.of(0, 0, 200, 0, 200, 120, 0, 120);
  const dst = Float64Array.from(corners.flatMap(([x, y]) => project(H, x, y)));
  const h = fourPointHomography(src, dst, [0, 1, 2, 3])!;
  for (let i = 0; i < 9; i++) expect(h[i]).toBeCloseTo(H[i]!, 9);
  expect(fourPointHomography(Float64Array.of(0, 0, 100, 0, 200, 0, 0, 120), dst, [0, 1, 2, 3])).toBeUndefined();
});

test.each([
  // [confidence, outlier share, bound, iterations]: log(1 − 0.99) / log(1 − (1 − share)⁴), at most the bound
  [0.99, 0.5, 500, 71],
  [0.99, 0.2, 500, 9],
  [0.99, 0.9, 500, 500],
  [0.99, 0.5, 50, 50],
  [0.99, 0, 500, 0],
])('updateIterations(%f, %f, %i) = %i, as OpenCV computes it', (confidence, share, bound, expected) => {
  expect(updateIterations(confidence, share, bound)).toBe(expected);
});

test.each([
  // [inliers, outliers, noise in px]: large and small sets, clean and noisy, the verifier's usual 11 pairs
  [40, 40, 1],
  [30, 10, 4],
  [12, 30, 2],
  [8, 3, 1],
  [6, 5, 6],
  [0, 11, 0],
  [0, 60, 0],
  [100, 200, 3],
])('with %i inliers, %i outliers and %f px of noise it counts the inliers OpenCV counts and projects where it projects', async (inliers, outliers, noise) => {
  const find = openCvHomography(await openCv());
  for (let seed = 1; seed <= 5; seed++) {
    const { src, dst } = pairs(inliers, outliers, 1000 * seed + inliers + outliers, noise);
    const theirs = find(src, dst);
    const ours = ransacHomography(src, dst);
    expect(ours?.inliers).toBe(theirs?.inliers);
    expect(Array.from(ours?.mask ?? [])).toEqual(Array.from(theirs?.mask ?? []));
    if (theirs && theirs.inliers >= 8) expect(cornerShift(ours!.matrix, theirs.matrix)).toBeLessThan(0.5);
  }
});
