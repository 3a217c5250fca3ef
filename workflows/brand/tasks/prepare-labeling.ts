/**
 * PrepareLabeling: the labeling job's manifest — every uploaded image and extracted frame, and the
 * label categories — in the run's folder, where the labeling page reads it.
 */
import { defineTask } from '../../../src/builder';
import { PrepareLabelingInput, PrepareLabelingOutput } from '../schemas';
import { trainingRuns, trainingUploads } from './access';
import { storedImages } from './dataset';

export const PrepareLabeling = defineTask({
  name: 'brand-prepare-labeling',
  input: PrepareLabelingInput,
  output: PrepareLabelingOutput,
  access: { objects: [trainingUploads('read'), trainingRuns('read-write')] },
  run: async ({ bucket, uploadsPrefix, framesPrefix, runPrefix, labels, jobName }, { objects }) => {
    const images = [...(await storedImages(objects, bucket, [uploadsPrefix, framesPrefix])).values()].sort();
    const manifest = { bucket, key: `${runPrefix}labeling/manifest.json` };
    const body = { jobName, labels, images: images.map((key) => ({ key, sourceRef: `s3://${bucket}/${key}` })) };
    await objects.putText(manifest, JSON.stringify(body), 'application/json');
    return { manifest, imageCount: images.length, labels, jobName };
  },
});
