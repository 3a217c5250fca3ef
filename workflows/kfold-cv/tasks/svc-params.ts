import type { Static } from '@sinclair/typebox';
import type { Hyperparameters } from '../schemas';
import type { Candidate, SvcParams } from '../lib';

type Params = Static<typeof Hyperparameters>;

/** The schema's hyperparameters as libsvm options (absent fields keep scikit-learn's defaults). */
export function toSvcParams(params: Params): SvcParams {
  return { C: params.C, kernel: params.kernel, gamma: params.gamma, degree: params.degree, coef0: params.coef0 };
}

/** A search candidate (numeric gamma) as schema hyperparameters. */
export function fromCandidate(candidate: Candidate): Params {
  return { C: candidate.C, kernel: candidate.kernel, gamma: candidate.gamma };
}
