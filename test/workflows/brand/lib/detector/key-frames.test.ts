/**
 * The key-frame rule: the first frame always, then a frame whose thumbnail differs from the last key
 * frame's by more than the cut, or the frame K after the last key frame at the latest.
 */
import type { Thumbnail } from '../../../../../workflows/brand/lib/detector/frame';
import { KEY_FRAME_RULE, KeyFrameChooser } from '../../../../../workflows/brand/lib/detector/key-frames';

/** A 4×3 thumbnail of one gray level. */
const flat = (level: number): Thumbnail => ({ width: 4, height: 3, data: new Float32Array(12).fill(level) });

test.each([
  ['identical frames: every K', { every: 3, cut: 10 }, [100, 100, 100, 100, 100, 100, 100], [true, false, false, true, false, false, true]],
  ['a cut starts a key frame and the count again', { every: 3, cut: 10 }, [100, 100, 160, 160, 160, 160], [true, false, true, false, false, true]],
  ['a change at the cut is not one, above it is', { every: 10, cut: 10 }, [100, 110, 111, 111], [true, false, true, false]],
  ['drift is measured against the last key frame, not the previous frame', { every: 10, cut: 10 }, [100, 105, 109, 113, 117], [true, false, false, true, false]],
  ['every 1: the detector on every frame', { every: 1, cut: 255 }, [100, 100, 100], [true, true, true]],
])('%s', (_, rule, levels, keys) => {
  const chooser = new KeyFrameChooser(rule);
  expect(levels.map((level) => chooser.next(flat(level)))).toEqual(keys);
});

test('a thumbnail of another size is a cut', () => {
  const chooser = new KeyFrameChooser({ every: 10, cut: 255 });
  expect([chooser.next(flat(100)), chooser.next({ width: 2, height: 2, data: new Float32Array(4).fill(100) })]).toEqual([true, true]);
});

test('the default rule takes a key frame within a handful of frames and at a real cut', () => {
  expect(KEY_FRAME_RULE.every).toBeGreaterThan(1);
  expect(KEY_FRAME_RULE.cut).toBeGreaterThan(0);
  expect(KEY_FRAME_RULE.cut).toBeLessThan(255);
});

test.each([
  [{ every: 0, cut: 10 }],
  [{ every: 2.5, cut: 10 }],
  [{ every: 4, cut: -1 }],
  [{ every: 4, cut: Number.NaN }],
])('a rule %j is refused', (rule) => {
  expect(() => new KeyFrameChooser(rule)).toThrow(RangeError);
});
