/**
 * Where a detection's time goes, for profiling: a timer that the detector's stages report their
 * milliseconds to. Detection never needs one; `npm run bench:brand-profile` passes one.
 */
export const DETECTION_STAGES = ['decode', 'backbone', 'head', 'zoom', 'keypoints', 'matching', 'ransac'] as const;
export type DetectionStage = (typeof DETECTION_STAGES)[number];

export type StageTimer = (stage: DetectionStage, ms: number) => void;

/** Runs `work`, reporting its time to the timer as `stage` (when there is a timer). */
export async function timed<T>(timer: StageTimer | undefined, stage: DetectionStage, work: () => Promise<T> | T): Promise<T> {
  if (!timer) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    timer(stage, performance.now() - started);
  }
}
