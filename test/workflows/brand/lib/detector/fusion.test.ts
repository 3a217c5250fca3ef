/**
 * Fusing the head's probability with ORB's inliers: the fit weighs the signal that separates right
 * from wrong candidates, the threshold is chosen for precision on validation images, confidence puts
 * that threshold at 50, and too little validation falls back to the default fusion.
 */
import { chooseFusion, confidence, DEFAULT_FUSION, fitFusion, fusedScore, type ValidationImage } from '../../../../../workflows/brand/lib/detector/fusion';

test('when inliers separate right candidates from wrong ones, the fit weighs them', () => {
  const candidates = Array.from({ length: 40 }, (_, i) => ({ head: 0.5, inliers: i % 2 ? 30 + i : i % 5 }));
  const right = candidates.map((_, i) => i % 2 === 1);
  const f = fitFusion(candidates, right);
  expect(f.orbWeight).toBeGreaterThan(0);
  expect(fusedScore(f, { head: 0.5, inliers: 40 })).toBeGreaterThan(0.9);
  expect(fusedScore(f, { head: 0.5, inliers: 0 })).toBeLessThan(0.1);
});

test.each([
  [0, 0],
  [0.3, 25],
  [0.6, 50],
  [0.8, 75],
  [1, 100],
])('with the threshold at 0.6, a fused score of %d has confidence %d', (score, expected) => {
  expect(confidence({ ...DEFAULT_FUSION, threshold: 0.6 }, score)).toBeCloseTo(expected, 5);
});

/** Positives whose right candidate has a high head probability; no-logo images with weak candidates. */
function validation(n: number): ValidationImage[] {
  const images: ValidationImage[] = [];
  for (let i = 0; i < n; i++) {
    const strength = (i % 10) / 10;
    images.push({ positive: true, candidates: [{ head: 0.4 + 0.6 * strength, inliers: i % 3 ? 12 : 0, right: true }, { head: 0.2, inliers: 0, right: false }] });
    images.push({ positive: false, candidates: [{ head: 0.1 + 0.5 * strength, inliers: i % 7 === 0 ? 9 : 0, right: false }] });
  }
  return images;
}

test('the threshold is chosen for precision at least 0.92 on out-of-fold scores, and detections pass it', () => {
  const choice = chooseFusion(validation(40));
  expect(choice.fitted).toBe(true);
  expect(choice.validation.precision).toBeGreaterThanOrEqual(0.92);
  expect(choice.validation.accuracy).toBeGreaterThan(0.75);
  expect(confidence(choice.fusion, fusedScore(choice.fusion, { head: 0.99, inliers: 12 }))).toBeGreaterThanOrEqual(50);
  expect(confidence(choice.fusion, fusedScore(choice.fusion, { head: 0.1, inliers: 0 }))).toBeLessThan(50);
});

test('too few validation candidates keep the default fusion', () => {
  const choice = chooseFusion(validation(2));
  expect(choice).toMatchObject({ fitted: false, fusion: DEFAULT_FUSION });
});
