/**
 * PrepareTraining: resolves the project (from the input, or from the upload that started the run),
 * lists its uploads, finds the annotation file to import (given, or beside the images), and fills
 * every default. An unsupported file among the uploads fails the run naming it.
 */
import type { Static } from '@sinclair/typebox';
import { defineTask } from '../../../src/builder';
import { TaskFailure } from '../../../src/services';
import { DATA_BUCKET } from '../../data-bucket';
import { mediaKind } from '../lib/media';
import { PrepareTrainingInput, TrainingPlan, type BrandTrainingInput } from '../schemas';
import { TRAINING_RUNS, TRAINING_UPLOADS, trainingUploads } from './access';

/** Files beside the images that are annotations, not media. */
const ANNOTATION_FILES: Record<string, 'flickrlogos' | 'groundtruth'> = { 'annotations.txt': 'flickrlogos', 'output.manifest': 'groundtruth' };

export const PrepareTraining = defineTask({
  name: 'brand-prepare-training',
  input: PrepareTrainingInput,
  output: TrainingPlan,
  access: { objects: [trainingUploads('read')] },
  run: async ({ input, executionName }: Static<typeof PrepareTrainingInput>, { objects }) => {
    const bucket = input.upload?.bucket ?? DATA_BUCKET;
    const project = input.project ?? projectOf(input.upload?.key);
    const uploadsPrefix = `${TRAINING_UPLOADS}${project}/`;
    const keys = await objects.listKeys(bucket, uploadsPrefix);
    const media = keys.filter((key) => !isAnnotationFile(key));
    const unsupported = media.filter((key) => !mediaKind(key));
    if (unsupported.length) throw new TaskFailure('UnsupportedFileType', `Not a video or image: ${unsupported.slice(0, 5).join(', ')}${unsupported.length > 5 ? ` and ${unsupported.length - 5} more` : ''} (expected .mp4 .m4v .mov .png .jpg .jpeg).`);
    if (!media.length) throw new TaskFailure('NoTrainingMedia', `Nothing to train on: no images or videos under s3://${bucket}/${uploadsPrefix}.`);
    return {
      bucket,
      project,
      uploadsPrefix,
      runPrefix: `${TRAINING_RUNS}${executionName}/`,
      videos: media.filter((key) => mediaKind(key) === 'video').map((key) => ({ bucket, key })),
      imageCount: media.filter((key) => mediaKind(key) === 'image').length,
      annotations: annotationSource(input, bucket, uploadsPrefix, keys),
      labels: input.labels ?? [],
      every: input.every ?? 30,
      seed: input.seed ?? 42,
      modelName: input.modelName ?? project,
    };
  },
});

function projectOf(key: string | undefined): string {
  const project = key?.startsWith(TRAINING_UPLOADS) ? key.slice(TRAINING_UPLOADS.length).split('/')[0] : undefined;
  if (!project || !key!.slice(TRAINING_UPLOADS.length).includes('/')) throw new TaskFailure('InvalidInput', `Give "project", or an upload under ${TRAINING_UPLOADS}<project>/ (got ${key ?? 'neither'}).`);
  return project;
}

const baseName = (key: string) => key.slice(key.lastIndexOf('/') + 1);
const isAnnotationFile = (key: string) => baseName(key) in ANNOTATION_FILES || key.endsWith('.manifest');

function annotationSource(input: BrandTrainingInput, bucket: string, prefix: string, keys: string[]): Static<typeof TrainingPlan>['annotations'] {
  const key = input.annotations?.key ?? (input.upload && isAnnotationFile(input.upload.key) ? input.upload.key : keys.find((k) => baseName(k) in ANNOTATION_FILES && k.startsWith(prefix)));
  if (!key) return null;
  const format = input.annotations?.format ?? ANNOTATION_FILES[baseName(key)] ?? (key.endsWith('.manifest') ? 'groundtruth' : 'flickrlogos');
  return { bucket, key, format };
}
