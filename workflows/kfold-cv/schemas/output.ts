/**
 * The kfold-cv workflow's output. A best candidate below the baseline is a legitimate result of a
 * correct run, so it ends in Succeed with status `BelowBaseline` (a Fail would raise failure alarms).
 */
import { Type, type Static } from '@sinclair/typebox';
import { CandidateResult } from './candidates';
import { ModelVersion, ObjectRef } from '../../../src/services';
import { SearchMethod } from './input';

export const SearchResult = Type.Object({
  method: SearchMethod,
  /** The search report in the object store: every candidate's fold scores, the best, the baseline. */
  report: ObjectRef,
  /** Every candidate evaluated, in proposal order, with its fold scores. */
  candidates: Type.Array(CandidateResult),
  best: CandidateResult,
});

export const KfoldOutput = Type.Union(
  [
    Type.Object({ status: Type.Literal('Registered'), model: ModelVersion, search: SearchResult }),
    Type.Object({ status: Type.Literal('BelowBaseline'), baselineScore: Type.Number(), best: CandidateResult, search: SearchResult }),
  ],
  {},
);
export type KfoldOutput = Static<typeof KfoldOutput>;
