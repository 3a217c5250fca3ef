/**
 * The logo detector: `train(examples)` → a JSON model; `load(model)` → `detect(image)`. New models are
 * the fused detector (a frozen backbone + a trained head, verified by ORB keypoints: `fused.ts`);
 * keypoint-only models of format 1 (`orb-detector.ts`) still load.
 */
import { FUSED_MODEL_FORMAT, FUSED_ZOOM_MODEL_FORMAT, MODEL_FORMAT, type AnyLogoModel, type FusedLogoModel } from './model';
import { loadFused } from './fused';
import { loadOrb } from './orb-detector';
import type { Detector } from './types';
import { loadFusedVideo, type FrameSequenceDetector } from './video';

export type { Detection, Detector, FractionBox, TrainingExample } from './types';
export { FUSED_MODEL_FORMAT, FUSED_ZOOM_MODEL_FORMAT, MODEL_FORMAT, type AnyLogoModel, type FusedLogoModel, type LogoModel } from './model';
export { trainFused as train, type TrainOptions } from './fused';
export { trainOrb } from './orb-detector';
export type { FrameResult, FrameSequenceDetector } from './video';

export function load(model: AnyLogoModel): Detector {
  if (isFused(model)) return loadFused(model);
  if (model.format === MODEL_FORMAT) return loadOrb(model);
  throw new TypeError(`Not a logo detector model: format ${String((model as { format?: unknown }).format)}`);
}

/**
 * The model over a video's sampled frames in time order: the fused detector runs in full on key frames
 * only; a keypoint-only model has no cheaper path, so every frame is detected as a photo.
 */
export function loadVideo(model: AnyLogoModel): FrameSequenceDetector {
  if (isFused(model)) return loadFusedVideo(model);
  const detector = load(model);
  return {
    async detectFrames(frames) {
      const results = [];
      for (const frame of frames) results.push({ detections: await detector.detect(frame), key: true, verified: [...model.labels] });
      return results;
    },
  };
}

/** Formats 2 and 4: the fused detector, without or with the zoomed second look. */
function isFused(model: AnyLogoModel): model is FusedLogoModel {
  return model.format === FUSED_MODEL_FORMAT || model.format === FUSED_ZOOM_MODEL_FORMAT;
}
