/** Aggregate: a candidate's fold scores in fold order, their mean and standard deviation (ddof = 0, as numpy's). */
import { defineTask } from '../../../src/builder';
import { AggregateInput, AggregateOutput } from '../schemas';
import { mean, std } from '../lib';

export const Aggregate = defineTask({
  name: 'kfold-aggregate',
  input: AggregateInput,
  output: AggregateOutput,
  access: {},
  run: ({ candidate, scores }) => {
    const foldScores = [...scores].sort((a, b) => a.fold - b.fold).map((s) => s.score);
    return { id: candidate.id, params: candidate.params, foldScores, mean: mean(foldScores), std: std(foldScores) };
  },
});

