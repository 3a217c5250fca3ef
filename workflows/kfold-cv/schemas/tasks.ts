/** Inputs and outputs of the kfold-cv task handlers. */
import { Type, type Static } from '@sinclair/typebox';
import { CandidateResult, CandidateSpec, FoldScore } from './candidates';
import { ModelVersion, ObjectRef } from '../../../src/services';
import { Hyperparameters, KfoldInput, SearchSettings } from './input';

const Key = Type.String({ minLength: 1 });

/** Search settings with every default filled in. */
export const ResolvedSearch = Type.Required(Type.Omit(SearchSettings, ['candidates']));
const ResolvedSearchWithList = Type.Composite([ResolvedSearch, Type.Object({ candidates: Type.Optional(Type.Array(Hyperparameters)) })]);

export const SplitInput = Type.Object(
  { input: KfoldInput, executionName: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);

/** What the rest of the run needs: where the prepared data and folds are, and the resolved settings. */
export const SplitOutput = Type.Object({
  bucket: Type.String(),
  /** Every artefact of this execution lives under this prefix. */
  prefix: Key,
  datasetKey: Key,
  fingerprint: Type.String(),
  rows: Type.Integer(),
  featureCount: Type.Integer(),
  classes: Type.Array(Type.String()),
  folds: Type.Array(Type.Object({ index: Type.Integer(), key: Key, trainRows: Type.Integer(), testRows: Type.Integer() })),
  source: ObjectRef,
  modelName: Type.String(),
  k: Type.Integer(),
  standardize: Type.Boolean(),
  baselineScore: Type.Number(),
  seed: Type.Integer(),
  search: ResolvedSearchWithList,
});
export type SplitOutput = Static<typeof SplitOutput>;

export const ProposeInput = Type.Object(
  { search: ResolvedSearchWithList, seed: Type.Integer(), history: Type.Array(CandidateResult) },
  { additionalProperties: false },
);
export const ProposeOutput = Type.Object({ candidates: Type.Array(CandidateSpec), done: Type.Boolean() });

export const TrainFoldInput = Type.Object(
  { bucket: Type.String(), datasetKey: Key, foldKey: Key, fold: Type.Integer({ minimum: 0 }), candidate: CandidateSpec, standardize: Type.Boolean() },
  { additionalProperties: false },
);
export const TrainFoldOutput = FoldScore;

export const AggregateInput = Type.Object({ candidate: CandidateSpec, scores: Type.Array(FoldScore, { minItems: 1 }) }, { additionalProperties: false });
export const AggregateOutput = CandidateResult;

export const SelectBestInput = Type.Object(
  { results: Type.Array(CandidateResult, { minItems: 1 }), baselineScore: Type.Number(), bucket: Type.String(), prefix: Key },
  { additionalProperties: false },
);
export const SelectBestOutput = Type.Object({ best: CandidateResult, report: ObjectRef });

export const FitFinalInput = Type.Object(
  { bucket: Type.String(), datasetKey: Key, prefix: Key, params: Hyperparameters, standardize: Type.Boolean() },
  { additionalProperties: false },
);
export const FitFinalOutput = Type.Object({ model: ObjectRef, rows: Type.Integer() });

export const RegisterModelOutput = ModelVersion;
