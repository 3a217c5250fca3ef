/**
 * The model registry: numbered versions of named models, any kind of model, with their metrics,
 * lineage and an approval status. Workflows register versions; people (or a promotion rule) approve
 * or reject them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { ObjectRef } from './objects';

export const ApprovalStatus = Type.Union([Type.Literal('PendingManualApproval'), Type.Literal('Approved'), Type.Literal('Rejected')]);
export type ApprovalStatus = Static<typeof ApprovalStatus>;

export const ModelName = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$' });

/** A metric is a number, or a list of them (one per fold, per hour …). */
export const Metric = Type.Union([Type.Number(), Type.Array(Type.Number())]);

/** What a workflow submits to register a new version. */
export const ModelVersionRequest = Type.Object(
  {
    modelName: ModelName,
    /** What the model is, e.g. `svm`, `lear`, `logo-detector`: tells readers how to load the artefact. */
    kind: Type.String({ minLength: 1 }),
    artefact: ObjectRef,
    /** Only those that mean something for this model. */
    hyperparameters: Type.Record(Type.String(), Type.Unknown()),
    metrics: Type.Record(Type.String(), Metric),
    /** The data the model was trained on. */
    dataset: Type.Optional(Type.Object({ location: ObjectRef, fingerprint: Type.String({ pattern: '^sha256:[0-9a-f]{64}$' }) }, { additionalProperties: false })),
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

export interface ModelRegistryService {
  /** Adds the next version of `request.modelName`, pending manual approval. */
  register(request: ModelVersionRequest): Promise<ModelVersion>;
  get(modelName: string, version: number): Promise<ModelVersion>;
  /** Every version of a model, oldest first; every model's versions when no name is given. */
  list(modelName?: string): Promise<ModelVersion[]>;
  /**
   * The newest version of a model that `accept` takes (any version without it), read newest first:
   * what a daily task asks, without reading a model's whole history.
   */
  latest(modelName: string, accept?: (version: ModelVersion) => boolean): Promise<ModelVersion | undefined>;
  approve(modelName: string, version: number, reason?: string): Promise<ModelVersion>;
  reject(modelName: string, version: number, reason?: string): Promise<ModelVersion>;
}

/** Where the registry keeps its documents: the CDK app grants registry tasks this prefix. */
export interface ModelRegistryLocation {
  readonly bucket: string;
  readonly prefix: string;
}
