/** Running a stored model on stored images in the compute pool, a few images per job. */
import type { ComputePool, ObjectRef, ObjectService } from '../../../src/services';
import { detectJob } from '../jobs';
import type { Detection } from '../lib/detector';

const BATCH = 8;

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
  const batches: ObjectRef[][] = [];
  for (let i = 0; i < images.length; i += BATCH) batches.push(images.slice(i, i + BATCH));
  const results = await Promise.all(
    batches.map(async (batch) => {
      const bytes = await Promise.all(batch.map(async (ref) => new Uint8Array(await objects.getBytes(ref))));
      return compute.run(detectJob, { ...model, images: bytes });
    }),
  );
  return results.flat().map((detections) => detections.filter((d) => d.confidence >= 50).sort((a, b) => b.confidence - a.confidence));
}
