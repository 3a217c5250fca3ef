/**
 * The plan of a generated brand video and its exact truth: scenes of a few seconds, each a background
 * photograph with up to two logos moving across it in a straight line, each shown for part of the
 * scene, at a size of its own. The truth lists, for every sampled frame, the brands on screen; the
 * visibility report is computed from it by the same arithmetic brand-analysis uses.
 */
import type { FrameDetections, VisibilityReport } from '../../workflows/brand/schemas';
import { visibility } from '../../workflows/brand/lib/visibility';
import { seededRandom } from '../../src/services';

export interface LogoSource {
  brand: string;
  width: number;
  height: number;
}

export interface LogoPlacement {
  /** Index into the logo sources. */
  logo: number;
  brand: string;
  /** The logo's size on screen, in pixels. */
  width: number;
  height: number;
  from: [number, number];
  to: [number, number];
  /** Scene-local frames during which it is shown, inclusive. */
  firstFrame: number;
  lastFrame: number;
  /** The share of the logo an opaque patch hides (0: none), and the edge it covers. */
  occluded: number;
  occludedEdge: 'left' | 'right' | 'top' | 'bottom';
}

export interface Scene {
  background: number;
  frames: number;
  logos: LogoPlacement[];
}

export interface PlanOptions {
  seconds: number;
  fps: number;
  seed: number;
  logos: readonly LogoSource[];
  backgrounds: number;
  frame: { width: number; height: number };
  /** Longest side of a logo on screen, in pixels. @default [110, 200] */
  logoSide?: [number, number];
}

export function planScenes(options: PlanOptions): Scene[] {
  const next = seededRandom(options.seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * next();
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const [minSide, maxSide] = options.logoSide ?? [110, 200];
  const total = Math.round(options.seconds * options.fps);
  const scenes: Scene[] = [];
  for (let made = 0; made < total; ) {
    const frames = Math.min(total - made, Math.round(between(4, 12) * options.fps));
    const count = next() < 0.25 ? 0 : next() < 0.75 ? 1 : 2;
    const logos: LogoPlacement[] = [];
    for (let i = 0; i < count; i++) {
      const others = new Set(logos.map((l) => l.brand));
      const choices = options.logos.map((logo, index) => ({ logo, index })).filter(({ logo }) => !others.has(logo.brand));
      const { logo, index } = pick(choices);
      const scale = between(minSide, maxSide) / Math.max(logo.width, logo.height);
      const width = Math.max(8, Math.round(logo.width * scale));
      const height = Math.max(8, Math.round(logo.height * scale));
      const spot = (): [number, number] => [Math.round(between(0, options.frame.width - width)), Math.round(between(0, options.frame.height - height))];
      // Shown for at least two seconds, or the whole scene when it is shorter.
      const shown = Math.min(frames, Math.round(between(2 * options.fps, frames)));
      const firstFrame = Math.floor(between(0, frames - shown + 1));
      logos.push({ logo: index, brand: logo.brand, width, height, from: spot(), to: spot(), firstFrame, lastFrame: firstFrame + shown - 1, occluded: next() < 0.5 ? Math.round(between(0.1, 0.3) * 100) / 100 : 0, occludedEdge: pick(['left', 'right', 'top', 'bottom'] as const) });
    }
    scenes.push({ background: Math.floor(next() * options.backgrounds), frames, logos });
    made += frames;
  }
  return scenes;
}

/** Where the logo's top-left corner is on a scene-local frame: the line from `from` to `to`. */
export function positionAt(logo: LogoPlacement, frame: number): [number, number] {
  const span = Math.max(1, logo.lastFrame - logo.firstFrame);
  const t = (frame - logo.firstFrame) / span;
  return [Math.round(logo.from[0] + (logo.to[0] - logo.from[0]) * t), Math.round(logo.from[1] + (logo.to[1] - logo.from[1]) * t)];
}

/** Every `every`th frame of the whole video (0, every, 2·every …) with the brands it shows. */
export function truthFrames(scenes: readonly Scene[], fps: number, every: number, frame: { width: number; height: number }): FrameDetections[] {
  const frames: FrameDetections[] = [];
  let start = 0;
  for (const scene of scenes) {
    for (let n = Math.ceil(start / every) * every; n < start + scene.frames; n += every) {
      const local = n - start;
      const labels = scene.logos
        .filter((logo) => local >= logo.firstFrame && local <= logo.lastFrame)
        .map((logo) => {
          const [x, y] = positionAt(logo, local);
          return { name: logo.brand, confidence: 100, box: { left: x / frame.width, top: y / frame.height, width: logo.width / frame.width, height: logo.height / frame.height } };
        });
      frames.push({ frameNumber: n, timestampMillis: Math.round((n / fps) * 1e6) / 1e3, labels });
    }
    start += scene.frames;
  }
  return frames;
}

export function truthReport(scenes: readonly Scene[], fps: number, every: number, frame: { width: number; height: number }): VisibilityReport {
  const totalFrames = scenes.reduce((sum, scene) => sum + scene.frames, 0);
  return visibility('truth', truthFrames(scenes, fps, every, frame), totalFrames / fps);
}

/**
 * Per brand, the mean over one-minute windows of |measured share − true share|, in percentage points;
 * every brand either report names counts (a brand seen where there is none is an error too).
 */
export function visibilityError(measured: VisibilityReport, truth: VisibilityReport): Record<string, number> {
  const brands = [...new Set([...Object.keys(measured.labels), ...Object.keys(truth.labels)])].sort();
  const windows = Math.max(measured.windows.length, truth.windows.length);
  const errors: Record<string, number> = {};
  for (const brand of brands) {
    let sum = 0;
    for (let w = 0; w < windows; w++) sum += Math.abs((measured.windows[w]?.labels[brand] ?? 0) - (truth.windows[w]?.labels[brand] ?? 0));
    errors[brand] = Math.round((100 * sum) / windows * 100) / 100;
  }
  return errors;
}
