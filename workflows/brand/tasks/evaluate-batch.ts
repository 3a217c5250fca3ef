/** EvaluateBatch: one batch of labelled images through the model; writes each image's outcome. */
import { defineTask } from '../../../src/builder';
import { NONE } from '../lib/metrics';
import { EvaluateBatchInput, EvaluateBatchOutput, type EvaluationReport } from '../schemas';
import { commandUploads, evaluationRuns, trainingRuns, trainingUploads } from './access';
import { detectImages, readModel } from './detect-images';
import type { LabelledImage } from './prepare-evaluation';

export const EvaluateBatch = defineTask({
  name: 'brand-evaluate-batch',
  input: EvaluateBatchInput,
  output: EvaluateBatchOutput,
  access: { objects: [commandUploads('read'), trainingUploads('read'), trainingRuns('read'), evaluationRuns('read-write')] },
  memoryMb: 2048,
  timeoutSeconds: 900,
  run: async ({ artefact, images, batch, runPrefix }, { objects, compute }) => {
    const all = JSON.parse(await objects.getText(images)) as LabelledImage[];
    const mine = all.slice(batch.start, batch.start + batch.count);
    const detections = await detectImages(objects, compute, await readModel(objects, artefact), mine.map((image) => ({ bucket: images.bucket, key: image.key })));
    const outcomes: EvaluationReport['images'] = mine.map((image, i) => {
      const top = detections[i]![0];
      return { image: image.image, expected: image.expected, predicted: top?.name ?? NONE, confidence: top?.confidence ?? 0 };
    });
    const ref = { bucket: images.bucket, key: `${runPrefix}outcomes/${String(batch.start).padStart(7, '0')}.json` };
    await objects.putText(ref, JSON.stringify(outcomes), 'application/json');
    return ref;
  },
});
