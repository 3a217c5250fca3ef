/**
 * SelectBest: the candidate with the highest mean score. Ties go to the lower standard deviation
 * (the steadier model), then to the earlier candidate, so the choice never depends on timing.
 * Writes the search report (every candidate's fold scores, the best, the baseline) beside the folds.
 */
import type { CandidateResult } from '../schemas';
import { taskHandler } from '../../../src/services/task-handler';
import { lambdaHandler } from '../../../src/services/aws/lambda-entry';
import { reportKey } from './artefacts';
import { SelectBest } from './definitions';

export const selectBest = taskHandler(SelectBest, async ({ results, baselineScore, bucket, prefix }, { objects }) => {
  const best = [...results].sort(ranking)[0];
  const report = { bucket, key: reportKey(prefix) };
  const candidates = [...results].sort((a, b) => a.id - b.id);
  await objects.putText(report, JSON.stringify({ best, baselineScore, meetsBaseline: best.mean >= baselineScore, candidates }, null, 2));
  return { best, report };
});

function ranking(a: CandidateResult, b: CandidateResult): number {
  return b.mean - a.mean || a.std - b.std || a.id - b.id;
}

export const handler = lambdaHandler(selectBest);
