/**
 * PrepareEvaluation: resolves the model version, reads the labels file, finds every labelled image
 * among the given objects (a labelled image that is missing fails the run, naming it) and plans
 * batches for DetectImages.
 */
import { defineTask } from '../../../src/builder';
import { TaskFailure } from '../../../src/services';
import { ImageLabelsError, parseImageLabels, type ImageLabel } from '../lib/image-labels';
import { EvaluationPlan, PrepareEvaluationInput } from '../schemas';
import { commandUploads, evaluationRuns, trainingUploads } from './access';
import { resolveModel } from './start-model';

/** Images per DetectImages call: a few compute jobs' worth, well inside a Lambda's time. */
export const EVALUATION_BATCH = 32;

export interface LabelledImage extends ImageLabel {
  key: string;
}

export const PrepareEvaluation = defineTask({
  name: 'brand-prepare-evaluation',
  input: PrepareEvaluationInput,
  output: EvaluationPlan,
  access: { objects: [commandUploads('read'), trainingUploads('read'), evaluationRuns('write')], modelRegistry: true },
  run: async ({ input, runPrefix }, { objects, models }) => {
    const version = await resolveModel(models, input.model, '');
    let labels: ImageLabel[];
    try {
      labels = parseImageLabels(await objects.getText(input.labels));
    } catch (err) {
      if (err instanceof ImageLabelsError) throw new TaskFailure(err.name, `${input.labels.key}: ${err.message}`);
      throw err;
    }
    const keys = new Map((await objects.listKeys(input.images.bucket, input.images.prefix)).map((key) => [key.slice(key.lastIndexOf('/') + 1), key]));
    const missing = labels.filter((label) => !keys.has(label.image)).map((label) => label.image);
    if (missing.length) throw new TaskFailure('ImageNotFound', `${missing.length} labelled image(s) are not under s3://${input.images.bucket}/${input.images.prefix}: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}`);
    const images: LabelledImage[] = labels.map((label) => ({ ...label, key: keys.get(label.image)! }));
    const ref = { bucket: input.images.bucket, key: `${runPrefix}images.json` };
    await objects.putText(ref, JSON.stringify(images), 'application/json');
    const batches = [];
    for (let start = 0; start < images.length; start += EVALUATION_BATCH) batches.push({ start, count: Math.min(EVALUATION_BATCH, images.length - start) });
    return { model: `${version.modelName}@${version.version}`, artefact: version.artefact, images: ref, batches };
  },
});
