/** Shapes both brand workflows share: frames, detections, slices, evaluation metrics. */
import { Type, type Static } from '@sinclair/typebox';

export const Key = Type.String({ minLength: 1 });
export const ProjectName = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$', description: 'A project: its uploads live under brand/training/<project>/.' });

/** Every Nth frame is sampled. */
export const Every = Type.Integer({ minimum: 1, maximum: 10000 });

export const MediaInfo = Type.Object({
  width: Type.Integer(),
  height: Type.Integer(),
  fps: Type.Number(),
  frameCount: Type.Integer(),
  durationSeconds: Type.Number(),
  codec: Type.String(),
});

export const Slice = Type.Object({ index: Type.Integer({ minimum: 0 }), startFrame: Type.Integer({ minimum: 0 }), frameCount: Type.Integer({ minimum: 1 }) });

export const FractionBox = Type.Object({ left: Type.Number(), top: Type.Number(), width: Type.Number(), height: Type.Number() });

export const FrameLabel = Type.Object({ name: Type.String(), confidence: Type.Number({ minimum: 0, maximum: 100 }), box: FractionBox });

/** One sampled frame's detections, as DetectLogos writes them. */
export const FrameDetections = Type.Object({
  frameNumber: Type.Integer({ minimum: 0 }),
  timestampMillis: Type.Number({ minimum: 0 }),
  labels: Type.Array(FrameLabel),
});
export type FrameDetections = Static<typeof FrameDetections>;

export const LabelScores = Type.Object({ precision: Type.Number(), recall: Type.Number(), f1: Type.Number(), support: Type.Integer() });

export const EvaluationSummary = Type.Object({
  images: Type.Integer(),
  accuracy: Type.Number(),
  precision: Type.Number(),
  recall: Type.Number(),
  f1: Type.Number(),
  perLabel: Type.Record(Type.String(), LabelScores),
});
export type EvaluationSummary = Static<typeof EvaluationSummary>;
