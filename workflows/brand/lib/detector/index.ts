/**
 * The logo detector: `train(examples)` → a JSON model; `load(model)` → `detect(image)`. New models are
 * the fused detector (a frozen backbone + a trained head, verified by ORB keypoints: `fused.ts`);
 * keypoint-only models of format 1 (`orb-detector.ts`) still load.
 */
import { FUSED_MODEL_FORMAT, MODEL_FORMAT, type AnyLogoModel } from './model';
import { loadFused } from './fused';
import { loadOrb } from './orb-detector';
import type { Detector } from './types';

export type { Detection, Detector, FractionBox, TrainingExample } from './types';
export { FUSED_MODEL_FORMAT, MODEL_FORMAT, type AnyLogoModel, type FusedLogoModel, type LogoModel } from './model';
export { trainFused as train, type TrainOptions } from './fused';
export { trainOrb } from './orb-detector';

export function load(model: AnyLogoModel): Detector {
  if (model.format === FUSED_MODEL_FORMAT) return loadFused(model);
  if (model.format === MODEL_FORMAT) return loadOrb(model);
  throw new TypeError(`Not a logo detector model: format ${String((model as { format?: unknown }).format)}`);
}
