/** brand-evaluation's input, output and task payloads: a model version scored on labelled images. */
import { Type, type Static } from '@sinclair/typebox';
import { ModelName, ObjectRef } from '../../../src/services';
import { Key, LabelScores } from './common';

export const BrandEvaluationInput = Type.Object(
  {
    /** @default - version: the latest approved one */
    model: Type.Object({ name: ModelName, version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false }),
    /** The images: objects whose file names the labels file names. */
    images: Type.Object({ bucket: Type.String({ minLength: 3 }), prefix: Key }, { additionalProperties: false }),
    /** `image<TAB>brand` per line, `none` for no logo. */
    labels: ObjectRef,
  },
  { additionalProperties: false },
);
export type BrandEvaluationInput = Static<typeof BrandEvaluationInput>;

export const PrepareEvaluationInput = Type.Object({ input: BrandEvaluationInput, runPrefix: Key }, { additionalProperties: false });
export const EvaluationBatch = Type.Object({ start: Type.Integer({ minimum: 0 }), count: Type.Integer({ minimum: 1 }) });
export const EvaluationPlan = Type.Object({
  model: Type.String(),
  artefact: ObjectRef,
  /** The labelled images with their keys, in the labels file's order. */
  images: ObjectRef,
  batches: Type.Array(EvaluationBatch),
});

export const EvaluateBatchInput = Type.Object({ artefact: ObjectRef, images: ObjectRef, batch: EvaluationBatch, runPrefix: Key }, { additionalProperties: false });
export const EvaluateBatchOutput = ObjectRef;

export const ScoreEvaluationInput = Type.Object({ model: Type.String(), outcomes: Type.Array(ObjectRef), runPrefix: Key, bucket: Type.String() }, { additionalProperties: false });

export const EvaluatedImage = Type.Object({ image: Type.String(), expected: Type.String(), predicted: Type.String(), confidence: Type.Number() });
/** The report, in the shape `statecraft brand evaluate --json` prints: image-level, `none` for no logo. */
export const EvaluationReport = Type.Object({
  accuracy: Type.Number(),
  precision: Type.Number(),
  recall: Type.Number(),
  perBrand: Type.Record(Type.String(), LabelScores),
  images: Type.Array(EvaluatedImage),
});
export type EvaluationReport = Static<typeof EvaluationReport>;

export const BrandEvaluationOutput = Type.Object({
  model: Type.String(),
  report: ObjectRef,
  images: Type.Integer(),
  accuracy: Type.Number(),
  precision: Type.Number(),
  recall: Type.Number(),
  f1: Type.Number(),
});
