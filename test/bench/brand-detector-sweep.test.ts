/**
 * The detector bench's breadth sweep: each breadth sees only the head's best k candidates, both when
 * its fusion is fitted on validation and when held-out images are scored, so a logo the head ranks
 * second is found with k = 2 and missed with k = 1.
 */
import { sweep } from '../../bench/brand-detector-sweep';
import type { ValidationImage } from '../../workflows/brand/lib/detector/fusion';

const box = { left: 0.1, top: 0.1, width: 0.3, height: 0.2 };

/** Half the photos have their logo as the head's second choice, verified by many keypoints. */
function validation(n: number): ValidationImage[] {
  const images: ValidationImage[] = [];
  for (let i = 0; i < n; i++) {
    images.push({
      positive: true,
      candidates:
        i % 2
          ? [{ head: 0.7, inliers: 25 + (i % 4), right: true }, { head: 0.2, inliers: 0, right: false }]
          : [{ head: 0.6, inliers: 0, right: false }, { head: 0.3, inliers: 20 + (i % 5), right: true }],
    });
    images.push({ positive: false, candidates: [{ head: 0.3 + (0.3 * (i % 10)) / 10, inliers: 0, right: false }, { head: 0.1, inliers: i % 7 ? 0 : 3, right: false }] });
  }
  return images;
}

const heldOut = [
  { image: 'second.jpg', expected: ['B'], candidates: [{ label: 'A', head: 0.6, inliers: 0, box }, { label: 'B', head: 0.3, inliers: 22, box }] },
  { image: 'second.jpg#clear', expected: [], candidates: [{ label: 'A', head: 0.4, inliers: 0, box }, { label: 'C', head: 0.1, inliers: 0, box }] },
];

test('one row per breadth, in the order given', () => {
  expect(sweep([2, 1], validation(40), heldOut).map((r) => r.candidates)).toEqual([2, 1]);
});

test.each([
  [1, 0],
  [2, 1],
])('with breadth %d the held-out logo ranked second by the head has recall %d', (k, recall) => {
  const [row] = sweep([k], validation(40), heldOut);
  expect(row!.heldOut.recall).toBe(recall);
  expect(row!.heldOut.noLogoLabelled).toBe(0);
});

test('the wider breadth finds more of the validation logos', () => {
  const [one, two] = sweep([1, 2], validation(40), heldOut);
  expect(two!.validation.recall).toBeGreaterThan(one!.validation.recall);
});
