/** Running a stored model on stored images in the compute pool, a few images per job. */
import type { ComputePool, Job, ObjectRef, ObjectService } from '../../../src/services';
import { detectFramesJob, detectJob, type DetectJob } from '../jobs';
import type { Detection } from '../lib/detector';

const BATCH = 8;
/**
 * Consecutive video frames per job: each run starts on a key frame, so a slice's 50 frames are two
 * runs that the compute pool's two workers can take at once.
 */
const FRAME_RUN = 25;

export interface LoadedModel {
  modelId: string;
  modelText: string;
}

export async function readModel(objects: ObjectService, ref: ObjectRef): Promise<LoadedModel> {
  const [etag, modelText] = await Promise.all([objects.etag(ref), objects.getText(ref)]);
  return { modelId: `${ref.bucket}/${ref.key}@${etag}`, modelText };
}

/** Detections of each image (in the order given) with confidence ≥ 50, most confident first. */
export async function detectImages(objects: ObjectService, compute: ComputePool, model: LoadedModel, images: readonly ObjectRef[]): Promise<Detection[][]> {
  return detectInRuns(objects, compute, model, images, BATCH, detectJob);
}

/**
 * Detections of consecutive sampled frames of one video (in time order), the same shape as
 * `detectImages`: the full detector runs on key frames, the frames between are verified with ORB
 * against the brands the last key frame matched (and on a sweep, all it proposed).
 */
export async function detectVideoFrames(objects: ObjectService, compute: ComputePool, model: LoadedModel, frames: readonly ObjectRef[]): Promise<Detection[][]> {
  return detectInRuns(objects, compute, model, frames, FRAME_RUN, detectFramesJob);
}

async function detectInRuns(objects: ObjectService, compute: ComputePool, model: LoadedModel, images: readonly ObjectRef[], size: number, job: Job<DetectJob, Promise<Detection[][]>>): Promise<Detection[][]> {
  const batches: ObjectRef[][] = [];
  for (let i = 0; i < images.length; i += size) batches.push(images.slice(i, i + size));
  const results = await Promise.all(
    batches.map(async (batch) => {
      const bytes = await Promise.all(batch.map(async (ref) => new Uint8Array(await objects.getBytes(ref))));
      return compute.run(job, { ...model, images: bytes });
    }),
  );
  return results.flat().map((detections) => detections.filter((d) => d.confidence >= 50).sort((a, b) => b.confidence - a.confidence));
}
