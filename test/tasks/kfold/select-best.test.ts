/** SelectBest: highest mean; ties to the lower std, then the earlier candidate; order of results irrelevant. */
import { invokeTask } from '../../../tasks/runtime/handler';
import { selectBest } from '../../../tasks/kfold/select-best';
import type { CandidateResult } from '../../../schemas/kfold';
import { fakeServices } from './fake-services';

const result = (id: number, mean: number, std: number): CandidateResult => ({ id, params: { C: id + 1, kernel: 'rbf', gamma: 'scale' }, foldScores: [mean], mean, std });
const best = async (results: CandidateResult[]) => ((await invokeTask(selectBest, { results }, fakeServices())) as { best: CandidateResult }).best.id;

test.each([
  ['the highest mean wins', [result(0, 0.9, 0), result(1, 0.95, 0.1)], 1],
  ['equal means: the lower std wins', [result(0, 0.9, 0.05), result(1, 0.9, 0.01)], 1],
  ['equal means and stds: the earlier candidate wins', [result(2, 0.9, 0.01), result(1, 0.9, 0.01)], 1],
])('%s', async (_name, results, expected) => {
  expect(await best(results)).toBe(expected);
  expect(await best([...results].reverse())).toBe(expected);
});

test('needs at least one result', async () => {
  await expect(best([])).rejects.toMatchObject({ name: 'SchemaValidationError', message: expect.stringContaining('/results') });
});
