/**
 * TrainDetector: the fused logo detector fitted on the training side (which holds out its own
 * validation share for the threshold), stored as one JSON artefact.
 */
import { defineTask } from '../../../src/builder';
import { trainDetectorJob } from '../jobs';
import { TrainDetectorInput, TrainDetectorOutput } from '../schemas';
import { trainingRuns, trainingUploads } from './access';
import { readDataset } from './dataset';

export const TrainDetector = defineTask({
  name: 'brand-train-detector',
  input: TrainDetectorInput,
  output: TrainDetectorOutput,
  access: { objects: [trainingUploads('read'), trainingRuns('read-write')] },
  memoryMb: 3008,
  timeoutSeconds: 900,
  run: async ({ train, runPrefix }, { objects, compute }) => {
    const dataset = await readDataset(objects, train);
    const examples = await Promise.all(dataset.images.map(async (i) => ({ name: i.image, image: new Uint8Array(await objects.getBytes({ bucket: train.bucket, key: i.key })), boxes: i.boxes })));
    const model = await compute.run(trainDetectorJob, { examples });
    const ref = { bucket: train.bucket, key: `${runPrefix}model/model.json` };
    await objects.putText(ref, JSON.stringify(model), 'application/json');
    return { model: ref, labels: model.labels, format: model.format, threshold: model.fusion.threshold, templates: model.orb.templates.length, validation: model.validation };
  },
});
