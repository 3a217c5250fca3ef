/**
 * Evaluate: the model on the held-out 20 %: image-level precision, recall and F1 per label and
 * overall, at the threshold training fixed on its own images. Writes every image's outcome.
 */
import { defineTask } from '../../../src/builder';
import { NONE, scoreImages, type ImageOutcome } from '../lib/metrics';
import { EvaluateInput, EvaluateOutput } from '../schemas';
import { trainingRuns, trainingUploads } from './access';
import { readDataset } from './dataset';
import { detectImages, readModel } from './detect-images';

export const Evaluate = defineTask({
  name: 'brand-evaluate',
  input: EvaluateInput,
  output: EvaluateOutput,
  access: { objects: [trainingUploads('read'), trainingRuns('read-write')] },
  memoryMb: 2048,
  timeoutSeconds: 900,
  run: async ({ model, test, runPrefix }, { objects, compute }) => {
    const dataset = await readDataset(objects, test);
    const detections = await detectImages(objects, compute, await readModel(objects, model), dataset.images.map((i) => ({ bucket: test.bucket, key: i.key })));
    const outcomes: ImageOutcome[] = dataset.images.map((image, i) => {
      const top = detections[i]![0];
      return { image: image.image, expected: [...new Set(image.boxes.map((b) => b.label))], predicted: top?.name ?? NONE, confidence: top?.confidence ?? 0 };
    });
    const summary = scoreImages(outcomes);
    const report = { bucket: test.bucket, key: `${runPrefix}evaluation.json` };
    await objects.putText(report, JSON.stringify({ ...summary, images: outcomes }, null, 2), 'application/json');
    return { report, summary };
  },
});
