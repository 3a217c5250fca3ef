/**
 * CollectAnnotations: imports the boxes (FlickrLogos-27 or Ground Truth), keeps one of each repeated
 * box, refuses boxes with no area by image and label, keeps the annotated images that exist, and
 * splits them 80/20 by image with the run's seed.
 */
import { defineTask } from '../../../src/builder';
import { ObjectNotFound, TaskFailure } from '../../../src/services';
import { AnnotationFormatError, parseAnnotations, splitByImage, type ImportResult } from '../lib/annotations';
import { CollectAnnotationsInput, CollectAnnotationsOutput } from '../schemas';
import { labelingJobs, trainingRuns, trainingUploads } from './access';
import { storedImages, type DatasetFile } from './dataset';

export const TEST_SHARE = 0.2;
/** Refused boxes listed in the output; the rest are in the run's dataset folder. */
const LISTED = 50;

export const CollectAnnotations = defineTask({
  name: 'brand-collect-annotations',
  input: CollectAnnotationsInput,
  output: CollectAnnotationsOutput,
  // Labels people submit land under brand/labeling/; imported files sit beside the images.
  access: { objects: [trainingUploads('read'), labelingJobs('read'), trainingRuns('read-write')] },
  run: async ({ annotations, bucket, uploadsPrefix, framesPrefix, runPrefix, seed }, { objects }) => {
    const imported = await importAnnotations(await readAnnotations(objects, annotations), annotations.format, annotations.key);
    const stored = await storedImages(objects, bucket, [uploadsPrefix, framesPrefix]);
    const present = imported.images.filter((i) => stored.has(i.image));
    if (!present.some((i) => i.boxes.length)) throw new TaskFailure('NoLabelledImages', `None of the ${imported.images.length} annotated images of ${annotations.key} is among the uploads.`);
    const { train, test } = splitByImage(present, TEST_SHARE, seed);
    const asFile = (images: typeof present): DatasetFile => ({ images: images.map((i) => ({ key: stored.get(i.image)!, image: i.image, boxes: i.boxes })) });
    const trainRef = { bucket, key: `${runPrefix}dataset/train.json` };
    const testRef = { bucket, key: `${runPrefix}dataset/test.json` };
    await objects.putText(trainRef, JSON.stringify(asFile(train)), 'application/json');
    await objects.putText(testRef, JSON.stringify(asFile(test)), 'application/json');
    await objects.putText({ bucket, key: `${runPrefix}dataset/refused.json` }, JSON.stringify(imported.refused), 'application/json');
    return {
      train: trainRef,
      test: testRef,
      trainImages: train.length,
      testImages: test.length,
      labels: [...new Set(present.flatMap((i) => i.boxes.map((b) => b.label)))].sort(),
      boxes: present.reduce((n, i) => n + i.boxes.length, 0),
      duplicates: imported.duplicates,
      missingImages: imported.images.length - present.length,
      refused: imported.refused.slice(0, LISTED),
    };
  },
});

async function readAnnotations(objects: Parameters<typeof storedImages>[0], ref: { bucket: string; key: string }): Promise<string> {
  try {
    return await objects.getText(ref);
  } catch (err) {
    if (err instanceof ObjectNotFound) throw new TaskFailure('AnnotationsNotFound', `The annotation file s3://${ref.bucket}/${ref.key} does not exist.`);
    throw err;
  }
}

function importAnnotations(text: string, format: 'flickrlogos' | 'groundtruth', key: string): ImportResult {
  try {
    return parseAnnotations(text, format);
  } catch (err) {
    if (err instanceof AnnotationFormatError) throw new TaskFailure('InvalidAnnotations', `${key} (${format}): ${err.message}`);
    throw err;
  }
}
