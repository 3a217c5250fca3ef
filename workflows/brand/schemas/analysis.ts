/** brand-analysis's input, output, task payloads and report. */
import { Type, type Static } from '@sinclair/typebox';
import { ModelName, ObjectRef } from '../../../src/services';
import { Every, Key, MediaInfo, Slice } from './common';

export const ModelChoice = Type.Object({ name: ModelName, version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

export const BrandAnalysisInput = Type.Object(
  {
    video: ObjectRef,
    /** @default - the latest approved version of the model named after the upload's project (`brand/analysis/<project>/…`) */
    model: Type.Optional(ModelChoice),
    /** Sample every Nth frame. @default 12 */
    every: Type.Optional(Every),
    /** Seconds between model status checks while it starts. @default 1 */
    pollSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 300 })),
  },
  { additionalProperties: false },
);
export type BrandAnalysisInput = Static<typeof BrandAnalysisInput>;

export const ModelServerStatus = Type.Union([Type.Literal('STARTING'), Type.Literal('RUNNING'), Type.Literal('STOPPING'), Type.Literal('STOPPED'), Type.Literal('FAILED')]);
export type ModelServerStatus = Static<typeof ModelServerStatus>;

/** The local model server's record: one per analysis run, like a Rekognition project version's status. */
export const ModelServer = Type.Object({ server: ObjectRef, modelName: ModelName, version: Type.Integer(), artefact: ObjectRef, status: ModelServerStatus });

export const AnalysisProbeInput = Type.Object({ video: ObjectRef, every: Every, framesPrefix: Key }, { additionalProperties: false });

export const StartModelInput = Type.Object({ video: ObjectRef, model: Type.Union([ModelChoice, Type.Null()]), runPrefix: Key }, { additionalProperties: false });
export const StartModelOutput = ModelServer;
export const ModelServerInput = Type.Object({ server: ObjectRef }, { additionalProperties: false });
export const ModelStatusOutput = Type.Object({ status: ModelServerStatus, statusMessage: Type.Optional(Type.String()) });

export const DetectLogosInput = Type.Object({ server: ObjectRef, framesPrefix: Key, fps: Type.Number({ exclusiveMinimum: 0 }), every: Every, slice: Slice, runPrefix: Key }, { additionalProperties: false });
export const DetectLogosOutput = Type.Object({ detections: ObjectRef, frames: Type.Integer() });

export const VisibilityInput = Type.Object(
  { detections: Type.Array(ObjectRef), info: MediaInfo, model: Type.String(), video: ObjectRef, runPrefix: Key },
  { additionalProperties: false },
);

export const VisibilityWindow = Type.Object({ start: Type.Number(), end: Type.Number(), frames: Type.Integer(), overall: Type.Number(), labels: Type.Record(Type.String(), Type.Number()) });
export const LabelVisibility = Type.Object({ share: Type.Number(), firstSeen: Type.Number(), lastSeen: Type.Number() });
/** The report, in the shape the issue fixes: shares in 0..1, times in seconds from the start. */
export const VisibilityReport = Type.Object({
  model: Type.String(),
  sampledFrames: Type.Integer(),
  windows: Type.Array(VisibilityWindow),
  labels: Type.Record(Type.String(), LabelVisibility),
});
export type VisibilityReport = Static<typeof VisibilityReport>;

export const VisibilityOutput = Type.Object({ report: ObjectRef, sampledFrames: Type.Integer(), labels: Type.Record(Type.String(), LabelVisibility) });

export const BrandAnalysisCompletedDetail = Type.Object(
  { video: ObjectRef, model: Type.String(), report: ObjectRef, sampledFrames: Type.Integer(), labels: Type.Record(Type.String(), LabelVisibility), executionArn: Type.String() },
  { additionalProperties: false },
);

export const BrandAnalysisOutput = VisibilityOutput;
