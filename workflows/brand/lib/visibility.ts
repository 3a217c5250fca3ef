/**
 * Brand visibility from sampled frames: per one-minute window, the share of its sampled frames in
 * which each label (and any label: OVERALL) appears; per label, its share of all sampled frames and
 * when it was first and last seen. Times are seconds from the start of the video.
 */
import type { FrameDetections, VisibilityReport } from '../schemas';

export const WINDOW_SECONDS = 60;

export function visibility(model: string, frames: readonly FrameDetections[], durationSeconds: number, windowSeconds = WINDOW_SECONDS): VisibilityReport {
  const sorted = [...frames].sort((a, b) => a.frameNumber - b.frameNumber);
  const names = [...new Set(sorted.flatMap((f) => f.labels.map((l) => l.name)))].sort();
  const lastFrame = sorted.length ? sorted[sorted.length - 1]!.timestampMillis / 1000 : 0;
  const end = Math.max(durationSeconds, lastFrame);
  const windowCount = Math.max(1, Math.ceil(end / windowSeconds));
  const windows: VisibilityReport['windows'] = [];
  for (let w = 0; w < windowCount; w++) {
    const start = w * windowSeconds;
    const stop = Math.min(end, start + windowSeconds);
    const inside = sorted.filter((f) => windowOf(f, windowSeconds, windowCount) === w);
    windows.push({
      start,
      end: round(stop),
      frames: inside.length,
      overall: share(inside, (f) => f.labels.length > 0),
      labels: Object.fromEntries(names.map((name) => [name, share(inside, (f) => has(f, name))])),
    });
  }
  const labels: VisibilityReport['labels'] = {};
  for (const name of names) {
    const seen = sorted.filter((f) => has(f, name));
    labels[name] = { share: share(sorted, (f) => has(f, name)), firstSeen: round(seen[0]!.timestampMillis / 1000), lastSeen: round(seen[seen.length - 1]!.timestampMillis / 1000) };
  }
  return { model, sampledFrames: sorted.length, windows, labels };
}

/** A frame exactly at the end of the video belongs to the last window, not a new empty one. */
function windowOf(frame: FrameDetections, windowSeconds: number, windowCount: number): number {
  return Math.min(windowCount - 1, Math.floor(frame.timestampMillis / 1000 / windowSeconds));
}

function has(frame: FrameDetections, name: string): boolean {
  return frame.labels.some((l) => l.name === name);
}

function share(frames: readonly FrameDetections[], test: (f: FrameDetections) => boolean): number {
  return frames.length ? round(frames.filter(test).length / frames.length) : 0;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;
