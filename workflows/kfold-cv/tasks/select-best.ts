/**
 * SelectBest: the candidate with the highest mean score. Ties go to the lower standard deviation
 * (the steadier model), then to the earlier candidate, so the choice never depends on timing.
 * Writes the search report (every candidate's fold scores, the best, the baseline) beside the folds.
 */
import { defineTask } from '../../../src/builder';
import { SelectBestInput, SelectBestOutput, type CandidateResult } from '../schemas';
import { runs } from './access';
import { reportKey } from './artefacts';

export const SelectBest = defineTask({
  name: 'kfold-select-best',
  input: SelectBestInput,
  output: SelectBestOutput,
  // Writes the search report (every candidate's fold scores) beside the run's folds.
  access: { objects: [runs('write')] },
  run: async ({ results, baselineScore, bucket, prefix }, { objects }) => {
    const best = [...results].sort(ranking)[0]!;
    const report = { bucket, key: reportKey(prefix) };
    const candidates = [...results].sort((a, b) => a.id - b.id);
    await objects.putText(report, JSON.stringify({ best, baselineScore, meetsBaseline: best.mean >= baselineScore, candidates }, null, 2));
    return { best, report };
  },
});

function ranking(a: CandidateResult, b: CandidateResult): number {
  return b.mean - a.mean || a.std - b.std || a.id - b.id;
}

