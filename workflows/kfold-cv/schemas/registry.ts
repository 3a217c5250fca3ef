/** Model registry records: one version of a model with its lineage and approval status. */
import { Type, type Static } from '@sinclair/typebox';
import { Hyperparameters, ObjectLocation } from './input';

export const ApprovalStatus = Type.Union([Type.Literal('PendingManualApproval'), Type.Literal('Approved'), Type.Literal('Rejected')]);
export type ApprovalStatus = Static<typeof ApprovalStatus>;

export const ModelName = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$' });

/** What a workflow submits to register a new version. */
export const ModelVersionRequest = Type.Object(
  {
    modelName: ModelName,
    artefact: ObjectLocation,
    hyperparameters: Hyperparameters,
    foldScores: Type.Array(Type.Number(), { minItems: 1 }),
    meanScore: Type.Number(),
    stdScore: Type.Number(),
    dataset: Type.Object({ location: ObjectLocation, fingerprint: Type.String({ pattern: '^sha256:[0-9a-f]{64}$' }) }, { additionalProperties: false }),
    /** The execution that produced the model (lineage). */
    executionArn: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);
export type ModelVersionRequest = Static<typeof ModelVersionRequest>;

export const ModelVersion = Type.Composite(
  [
    ModelVersionRequest,
    Type.Object({
      version: Type.Integer({ minimum: 1 }),
      status: ApprovalStatus,
      createdAt: Type.String({ format: 'date-time' }),
      statusChangedAt: Type.Optional(Type.String({ format: 'date-time' })),
      statusReason: Type.Optional(Type.String()),
    }),
  ],
  { additionalProperties: false },
);
export type ModelVersion = Static<typeof ModelVersion>;
