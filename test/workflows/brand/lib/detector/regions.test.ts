/** Grid regions: boxes map onto the grid, overlaps are measured, and the scanned windows stay inside it. */
import { covers, iou, toRegion, windows } from '../../../../../workflows/brand/lib/detector/regions';

const grid = { width: 64, height: 64 };

test.each([
  ['a box in the middle', { left: 250, top: 100, width: 500, height: 200 }, { x0: 16, y0: 16, x1: 48, y1: 48 }],
  ['a tiny box keeps one cell', { left: 0, top: 0, width: 2, height: 1 }, { x0: 0, y0: 0, x1: 1, y1: 1 }],
  ['a box past the edge is clipped', { left: 900, top: 350, width: 400, height: 200 }, { x0: 58, y0: 56, x1: 64, y1: 64 }],
])('%s of a 1000×400 image', (_what, box, expected) => {
  expect(toRegion(box, { width: 1000, height: 400 }, grid)).toEqual(expected);
});

test('overlap: IoU and the share of one region the other covers', () => {
  const a = { x0: 0, y0: 0, x1: 4, y1: 4 };
  const b = { x0: 2, y0: 0, x1: 6, y1: 4 };
  expect(iou(a, b)).toBeCloseTo(8 / 24);
  expect(covers({ x0: 0, y0: 0, x1: 8, y1: 8 }, a)).toBe(1);
  expect(covers(a, b)).toBe(0.5);
});

test('every scanned window lies inside the grid, at most 3:1, with small and full-size ones', () => {
  const all = windows(grid);
  expect(all.every((r) => r.x0 >= 0 && r.y0 >= 0 && r.x1 <= 64 && r.y1 <= 64 && r.x1 > r.x0 && r.y1 > r.y0)).toBe(true);
  expect(all.every((r) => (r.x1 - r.x0) <= 3 * (r.y1 - r.y0) && (r.y1 - r.y0) <= 3 * (r.x1 - r.x0))).toBe(true);
  expect(all).toContainEqual({ x0: 0, y0: 0, x1: 64, y1: 64 });
  expect(all).toContainEqual({ x0: 10, y0: 20, x1: 12, y1: 22 });
});
