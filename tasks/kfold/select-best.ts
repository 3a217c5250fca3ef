/**
 * SelectBest: the candidate with the highest mean score. Ties go to the lower standard deviation
 * (the steadier model), then to the earlier candidate, so the choice never depends on timing.
 */
import type { CandidateResult } from '../../schemas/kfold';
import { taskHandler } from '../runtime/handler';
import { lambdaHandler } from '../runtime/lambda-adapter';
import { SelectBest } from './definitions';

export const selectBest = taskHandler(SelectBest, ({ results }) => ({ best: [...results].sort(ranking)[0] }));

function ranking(a: CandidateResult, b: CandidateResult): number {
  return b.mean - a.mean || a.std - b.std || a.id - b.id;
}

export const handler = lambdaHandler(selectBest);
