/** brand-training's input, output and task payloads. */
import { Type, type Static } from '@sinclair/typebox';
import { ModelName, ModelVersion, ObjectRef } from '../../../src/services';
import { EvaluationSummary, Every, Key, MediaInfo, ProjectName, Slice } from './common';

export const AnnotationFormat = Type.Union([Type.Literal('flickrlogos'), Type.Literal('groundtruth')]);

export const AnnotationSource = Type.Object({ bucket: Type.String({ minLength: 3 }), key: Key, format: AnnotationFormat }, { additionalProperties: false });

export const BrandTrainingInput = Type.Object(
  {
    /** The project; its images and videos are the objects under `brand/training/<project>/`. @default - from `upload` */
    project: Type.Optional(ProjectName),
    /** The upload that started the run (the upload rule sets it). */
    upload: Type.Optional(ObjectRef),
    /** Import these boxes instead of waiting for people to draw them. @default - an annotation file beside the images, else labeling */
    annotations: Type.Optional(Type.Object({ key: Key, format: Type.Optional(AnnotationFormat) }, { additionalProperties: false })),
    /** Label categories offered to labelers. @default - none: labelers name them */
    labels: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    /** Sample every Nth frame of training videos. @default 30 */
    every: Type.Optional(Every),
    /** Seeds the 80/20 split. @default 42 */
    seed: Type.Optional(Type.Integer()),
    /** @default - the project's name */
    modelName: Type.Optional(ModelName),
  },
  { additionalProperties: false },
);
export type BrandTrainingInput = Static<typeof BrandTrainingInput>;

export const TrainingPlan = Type.Object({
  bucket: Type.String(),
  project: ProjectName,
  /** Where the project's uploads are. */
  uploadsPrefix: Key,
  /** Everything this run writes lives under here. */
  runPrefix: Key,
  videos: Type.Array(ObjectRef),
  imageCount: Type.Integer(),
  annotations: Type.Union([AnnotationSource, Type.Null()]),
  labels: Type.Array(Type.String()),
  every: Every,
  seed: Type.Integer(),
  modelName: ModelName,
});
export type TrainingPlan = Static<typeof TrainingPlan>;

export const PrepareTrainingInput = Type.Object({ input: BrandTrainingInput, executionName: Key }, { additionalProperties: false });

export const ProbeVideoInput = Type.Object({ video: ObjectRef, every: Every, framesPrefix: Key, sampledPerSlice: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
export const ProbeVideoOutput = Type.Object({ video: ObjectRef, info: MediaInfo, framesPrefix: Key, slices: Type.Array(Slice) });

export const ExtractFramesInput = Type.Object(
  { video: ObjectRef, slice: Slice, every: Every, fps: Type.Number({ exclusiveMinimum: 0 }), framesPrefix: Key },
  { additionalProperties: false },
);
export const ExtractFramesOutput = Type.Object({ index: Type.Integer(), prefix: Key, frames: Type.Integer() });

export const PrepareLabelingInput = Type.Object({ bucket: Type.String(), uploadsPrefix: Key, framesPrefix: Key, runPrefix: Key, labels: Type.Array(Type.String()), jobName: Key }, { additionalProperties: false });
export const PrepareLabelingOutput = Type.Object({ manifest: ObjectRef, imageCount: Type.Integer(), labels: Type.Array(Type.String()), jobName: Key });

export const WaitForLabelsInput = Type.Object(
  {
    manifest: ObjectRef,
    jobName: Key,
    taskToken: Type.String({ minLength: 1 }),
    labels: Type.Array(Type.String()),
    /** The run waiting, so the labeling page can link to it. */
    executionArn: Key,
    /** The task's heartbeat: the labeling page sends SendTaskHeartbeat well within it while open. */
    heartbeatSeconds: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
/** What the labeling page (or anyone holding the token) sends back with SendTaskSuccess. */
export const LabelsSubmitted = AnnotationSource;
export type LabelsSubmitted = Static<typeof LabelsSubmitted>;

export const CollectAnnotationsInput = Type.Object({ annotations: AnnotationSource, bucket: Type.String(), uploadsPrefix: Key, framesPrefix: Key, runPrefix: Key, seed: Type.Integer() }, { additionalProperties: false });
export const RefusedBox = Type.Object({ image: Type.String(), label: Type.String(), line: Type.Integer(), reason: Type.String() });
export const CollectAnnotationsOutput = Type.Object({
  train: ObjectRef,
  test: ObjectRef,
  trainImages: Type.Integer(),
  testImages: Type.Integer(),
  labels: Type.Array(Type.String()),
  boxes: Type.Integer(),
  duplicates: Type.Integer(),
  /** Annotated images that are not among the uploads or frames. */
  missingImages: Type.Integer(),
  refused: Type.Array(RefusedBox),
});

export const TrainDetectorInput = Type.Object({ train: ObjectRef, runPrefix: Key }, { additionalProperties: false });
/** Image-level scores on the validation images training held out to choose the threshold. */
export const ValidationScores = Type.Object({ images: Type.Integer(), accuracy: Type.Number(), precision: Type.Number(), recall: Type.Number() });
export const DetectorSummary = Type.Object({
  /** The artefact's format, e.g. `statecraft-fused-logo-detector/2`. */
  format: Type.String(),
  /** The fused score at which a detection's confidence is 50, fixed in training. */
  threshold: Type.Number(),
  templates: Type.Integer(),
  validation: ValidationScores,
});
export const TrainDetectorOutput = Type.Composite([Type.Object({ model: ObjectRef, labels: Type.Array(Type.String()) }), DetectorSummary]);

export const EvaluateInput = Type.Object({ model: ObjectRef, test: ObjectRef, runPrefix: Key }, { additionalProperties: false });
export const EvaluateOutput = Type.Object({ report: ObjectRef, summary: EvaluationSummary });

export const RegisterDetectorInput = Type.Object(
  { modelName: ModelName, artefact: ObjectRef, detector: DetectorSummary, summary: EvaluationSummary, executionArn: Key },
  { additionalProperties: false },
);
export const RegisterDetectorOutput = ModelVersion;

export const BrandModelTrainedDetail = Type.Object(
  { project: ProjectName, modelName: ModelName, version: Type.Integer({ minimum: 1 }), artefact: ObjectRef, accuracy: Type.Number(), precision: Type.Number(), recall: Type.Number(), f1: Type.Number(), executionArn: Type.String() },
  { additionalProperties: false },
);

export const BrandTrainingOutput = Type.Object({ model: ModelVersion, evaluation: EvaluationSummary, report: ObjectRef, refused: Type.Array(RefusedBox) });

export { ProbeVideoOutput as ProbedVideo };
