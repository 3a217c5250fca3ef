import { visibility } from '../../../../workflows/brand/lib/visibility';
import type { FrameDetections } from '../../../../workflows/brand/schemas';

const box = { left: 0, top: 0, width: 0.1, height: 0.1 };
/** A frame at `seconds` with the given labels (fps 1, so frame number = seconds). */
const at = (seconds: number, ...names: string[]): FrameDetections => ({ frameNumber: seconds, timestampMillis: seconds * 1000, labels: names.map((name) => ({ name, confidence: 80, box })) });

test.each([
  {
    what: 'no frames: one empty window, no labels',
    frames: [],
    duration: 30,
    windows: [{ start: 0, end: 30, frames: 0, overall: 0, labels: {} }],
    labels: {},
  },
  {
    what: 'shares within one window, OVERALL counts a frame once',
    frames: [at(0, 'A', 'B'), at(10, 'A'), at(20), at(30, 'B')],
    duration: 40,
    windows: [{ start: 0, end: 40, frames: 4, overall: 0.75, labels: { A: 0.5, B: 0.5 } }],
    labels: { A: { share: 0.5, firstSeen: 0, lastSeen: 10 }, B: { share: 0.5, firstSeen: 0, lastSeen: 30 } },
  },
  {
    what: 'two windows; the last one ends with the video; a label absent from a window scores 0 there',
    frames: [at(0, 'A'), at(30), at(60, 'B'), at(90, 'A', 'B')],
    duration: 100,
    windows: [
      { start: 0, end: 60, frames: 2, overall: 0.5, labels: { A: 0.5, B: 0 } },
      { start: 60, end: 100, frames: 2, overall: 1, labels: { A: 0.5, B: 1 } },
    ],
    labels: { A: { share: 0.5, firstSeen: 0, lastSeen: 90 }, B: { share: 0.5, firstSeen: 60, lastSeen: 90 } },
  },
  {
    what: 'a frame exactly at the end belongs to the last window',
    frames: [at(0), at(60, 'A')],
    duration: 60,
    windows: [{ start: 0, end: 60, frames: 2, overall: 0.5, labels: { A: 0.5 } }],
    labels: { A: { share: 0.5, firstSeen: 60, lastSeen: 60 } },
  },
  {
    what: 'thirds are rounded to six places',
    frames: [at(0, 'A'), at(1), at(2)],
    duration: 3,
    windows: [{ start: 0, end: 3, frames: 3, overall: 0.333333, labels: { A: 0.333333 } }],
    labels: { A: { share: 0.333333, firstSeen: 0, lastSeen: 0 } },
  },
])('$what', ({ frames, duration, windows, labels }) => {
  expect(visibility('m@1', frames, duration)).toEqual({ model: 'm@1', sampledFrames: frames.length, windows, labels });
});
