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

describe('with the zoom as a third input', () => {
  /** Candidates whose head and inliers say nothing, and whose zoom probability tells right from wrong. */
  const zoomed = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ head: 0.3 + (i % 3) * 0.1, inliers: i % 4, zoom: i % 2 ? 0.7 + (i % 5) * 0.05 : 0.05 + (i % 5) * 0.05, right: i % 2 === 1 }));

  test('the fit weighs the zoom when it separates right candidates from wrong ones', () => {
    const candidates = zoomed(60);
    const f = fitFusion(candidates, candidates.map((c) => c.right), undefined, true);
    expect(f.zoomWeight).toBeGreaterThan(0);
    expect(fusedScore(f, { head: 0.4, inliers: 1, zoom: 0.9 })).toBeGreaterThan(0.9);
    expect(fusedScore(f, { head: 0.4, inliers: 1, zoom: 0.05 })).toBeLessThan(0.1);
  });

  test.each([
    ['a two-input fusion ignores the zoom', { headWeight: 1, orbWeight: 0, bias: 0 }, { head: 0.5, inliers: 0, zoom: 0.99 }, 0.5],
    ['a three-input fusion scores a candidate the zoom did not look at 0', { headWeight: 1, orbWeight: 0, zoomWeight: 1, bias: 0 }, { head: 0.99, inliers: 0 }, 0],
    ['the zoom\'s logit is capped, so a certain crop counts as 0.999', { headWeight: 0, orbWeight: 0, zoomWeight: 1, bias: 0 }, { head: 0.5, inliers: 0, zoom: 1 }, 0.999],
  ])('%s', (_, fusion, candidate, expected) => {
    expect(fusedScore(fusion, candidate)).toBeCloseTo(expected, 6);
  });

  test('fitting with the zoom refuses a candidate without its probability', () => {
    expect(() => fitFusion([{ head: 0.5, inliers: 0 }], [true], undefined, true)).toThrow('zoom probability');
  });

  test('the threshold is chosen on the zoomed candidates, the others left out of the fit', () => {
    const images: ValidationImage[] = zoomed(80).map((c, i) => ({ positive: c.right, candidates: [c, { head: 0.9, inliers: i % 3, right: false }] }));
    const choice = chooseFusion(images, 0.92, true);
    expect(choice.fitted).toBe(true);
    expect(choice.fusion.zoomWeight).toBeGreaterThan(0);
    expect(choice.validation.precision).toBeGreaterThanOrEqual(0.92);
    expect(choice.validation.recall).toBeGreaterThan(0.9);
  });
});
