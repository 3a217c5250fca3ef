/** Hyperparameter candidates and their cross-validation results, shared by several kfold tasks. */
import { Type, type Static } from '@sinclair/typebox';
import { Hyperparameters } from './input';

/** A candidate of the search: `id` is its position in proposal order, which breaks score ties. */
export const CandidateSpec = Type.Object({ id: Type.Integer({ minimum: 0 }), params: Hyperparameters }, { additionalProperties: false });
export type CandidateSpec = Static<typeof CandidateSpec>;

export const FoldScore = Type.Object({ fold: Type.Integer({ minimum: 0 }), score: Type.Number() }, { additionalProperties: false });
export type FoldScore = Static<typeof FoldScore>;

/** A cross-validated candidate: one score per fold in fold order, their mean and std (ddof = 0). */
export const CandidateResult = Type.Object(
  {
    id: Type.Integer({ minimum: 0 }),
    params: Hyperparameters,
    foldScores: Type.Array(Type.Number()),
    mean: Type.Number(),
    std: Type.Number(),
  },
  { additionalProperties: false },
);
export type CandidateResult = Static<typeof CandidateResult>;
