/** The generated videos' plan and truth: sampled frames, the brands on screen, and the error measure. */
import { planScenes, positionAt, truthFrames, truthReport, visibilityError, type LogoPlacement, type Scene } from '../../../bench/brand/scenes';
import { freeRegion } from '../../../bench/brand/sources';

const FRAME = { width: 640, height: 360 };
const logo = (brand: string, firstFrame: number, lastFrame: number): LogoPlacement => ({
  logo: 0, brand, width: 100, height: 50, from: [0, 0], to: [100, 200], firstFrame, lastFrame, occluded: 0, occludedEdge: 'left',
});

test('the truth samples every Nth frame of the whole video across scenes and lists the logos shown on it', () => {
  const scenes: Scene[] = [
    { background: 0, frames: 25, logos: [logo('Nike', 10, 19)] },
    { background: 1, frames: 20, logos: [logo('Nike', 0, 4), logo('Ford', 5, 19)] },
  ];
  const frames = truthFrames(scenes, 10, 6, FRAME);
  expect(frames.map((f) => [f.frameNumber, f.labels.map((l) => l.name)])).toEqual([
    [0, []], [6, []], [12, ['Nike']], [18, ['Nike']], [24, []], [30, ['Ford']], [36, ['Ford']], [42, ['Ford']],
  ]);
  expect(frames[2]!.timestampMillis).toBe(1200);
  // Frame 30 is frame 5 of the second scene: Ford's first frame, at its start position.
  expect(frames[5]!.labels[0]!.box).toEqual({ left: 0, top: 0, width: 100 / 640, height: 50 / 360 });
});

test('a logo moves on a straight line from its first to its last frame', () => {
  const placed = logo('Nike', 10, 20);
  expect([positionAt(placed, 10), positionAt(placed, 15), positionAt(placed, 20)]).toEqual([[0, 0], [50, 100], [100, 200]]);
});

test('the truth report has the analysis report’s shape, one window per minute', () => {
  const scenes: Scene[] = [{ background: 0, frames: 1800, logos: [logo('Nike', 0, 899)] }, { background: 0, frames: 1800, logos: [] }];
  const report = truthReport(scenes, 30, 12, FRAME);
  expect(report.sampledFrames).toBe(300);
  expect(report.windows.map((w) => [w.start, w.end, w.frames, w.labels.Nike])).toEqual([[0, 60, 150, 0.5], [60, 120, 150, 0]]);
  expect(report.labels.Nike).toEqual({ share: 0.25, firstSeen: 0, lastSeen: 29.6 });
});

test('the error per brand is the mean absolute difference over the windows, in points; a brand seen that is not there counts', () => {
  const window = (labels: Record<string, number>) => ({ start: 0, end: 60, frames: 10, overall: 0, labels });
  const truth = { model: 'truth', sampledFrames: 20, windows: [window({ Nike: 0.5 }), window({ Nike: 0.1 })], labels: { Nike: { share: 0.3, firstSeen: 0, lastSeen: 70 } } };
  const measured = { model: 'm', sampledFrames: 20, windows: [window({ Nike: 0.4, Ford: 0.1 }), window({ Nike: 0.1, Ford: 0 })], labels: { Nike: { share: 0.25, firstSeen: 0, lastSeen: 70 }, Ford: { share: 0.05, firstSeen: 1, lastSeen: 1 } } };
  expect(visibilityError(measured, truth)).toEqual({ Ford: 5, Nike: 5 });
});

test('planning is seeded, covers the whole duration, and keeps every logo inside the frame and inside its scene', () => {
  const options = { seconds: 120, fps: 30, seed: 7, logos: [{ brand: 'Nike', width: 80, height: 40 }, { brand: 'Ford', width: 60, height: 60 }, { brand: 'HP', width: 50, height: 90 }], backgrounds: 3, frame: FRAME };
  const scenes = planScenes(options);
  expect(planScenes(options)).toEqual(scenes);
  expect(scenes.reduce((sum, s) => sum + s.frames, 0)).toBe(3600);
  for (const scene of scenes) {
    expect(new Set(scene.logos.map((l) => l.brand)).size).toBe(scene.logos.length);
    for (const placed of scene.logos) {
      expect(placed.firstFrame).toBeGreaterThanOrEqual(0);
      expect(placed.lastFrame).toBeLessThan(scene.frames);
      for (const [x, y] of [placed.from, placed.to]) {
        expect(x + placed.width).toBeLessThanOrEqual(640);
        expect(y + placed.height).toBeLessThanOrEqual(360);
      }
    }
  }
  expect(scenes.some((s) => s.logos.length === 0) && scenes.some((s) => s.logos.some((l) => l.occluded > 0))).toBe(true);
});

test('a background is the largest region of the frame’s aspect outside every logo box', () => {
  // Left of the box 200×480, right 140×480, above 640×100, below 640×280: below wins, centred in it.
  expect(freeRegion([{ label: 'x', left: 200, top: 100, width: 300, height: 100 }], 640, 480, 16 / 9)).toEqual({ left: 71, top: 200, width: 497, height: 279 });
  expect(freeRegion([{ label: 'x', left: 0, top: 0, width: 640, height: 480 }], 640, 480, 16 / 9)).toBeUndefined();
});
