/** Aggregate: a candidate's fold scores in fold order, their mean and standard deviation (ddof = 0, as numpy's). */
import { taskHandler } from '../../../src/services/task-handler';
import { lambdaHandler } from '../../../src/services/aws/lambda-entry';
import { Aggregate } from './definitions';
import { mean, std } from '../lib';

export const aggregate = taskHandler(Aggregate, ({ candidate, scores }) => {
  const foldScores = [...scores].sort((a, b) => a.fold - b.fold).map((s) => s.score);
  return { id: candidate.id, params: candidate.params, foldScores, mean: mean(foldScores), std: std(foldScores) };
});

export const handler = lambdaHandler(aggregate);
