/** SelectBest: highest mean; ties to the lower std, then the earlier candidate; order of results irrelevant. */
import { SelectBest } from '../../../../workflows/kfold-cv/tasks/select-best';
import type { CandidateResult } from '../../../../workflows/kfold-cv/schemas';
import { fakeServices, runTask } from './fake-services';

const result = (id: number, mean: number, std: number): CandidateResult => ({ id, params: { C: id + 1, kernel: 'rbf', gamma: 'scale' }, foldScores: [mean], mean, std });
const select = (results: CandidateResult[], services = fakeServices()) => runTask(SelectBest, { results, baselineScore: 0.92, bucket: 'b-1', prefix: 'runs/kfold-cv/e/' }, services) as Promise<{ best: CandidateResult; report: { bucket: string; key: string } }>;
const best = async (results: CandidateResult[]) => (await select(results)).best.id;

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

test('writes the report: every candidate in id order, the best and the baseline verdict', async () => {
  const services = fakeServices();
  const results = [result(1, 0.95, 0), result(0, 0.9, 0)];
  const { report } = await select(results, services);
  expect(report).toEqual({ bucket: 'b-1', key: 'runs/kfold-cv/e/report.json' });
  expect(JSON.parse(await services.objects.getText(report))).toEqual({ best: results[0], baselineScore: 0.92, meetsBaseline: true, candidates: [results[1], results[0]] });
});
