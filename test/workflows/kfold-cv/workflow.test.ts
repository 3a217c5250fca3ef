/**
 * kfold-cv end to end in-process: the local runtime (Engine, handlers, worker pool, object store)
 * runs the generated ASL on Iris, and the fold scores that come out of the workflow equal
 * scikit-learn 1.2.1's on the same stratified folds.
 */
import { runWorkflow } from '../../../src/host';
import type { KfoldOutput } from '../../../workflows/kfold-cv/schemas';
import { DATA_BUCKET } from '../../../workflows/data-bucket';
import { irisCsv, openKfoldFixture, sklearnReference, type KfoldFixture, type SklearnCase } from './fixture';

let fixture: KfoldFixture;

beforeAll(async () => {
  fixture = await openKfoldFixture();
  await fixture.upload('datasets/kfold/iris.csv', irisCsv());
});
afterAll(() => fixture.close());

const dataset = { bucket: DATA_BUCKET, key: 'datasets/kfold/iris.csv' };

/** The reference cases, keyed as in sklearn-svc-cv-reference.json, and the hyperparameters they used. */
const CASES = [
  { name: 'SVC_linear_C1', params: { C: 1, kernel: 'linear', gamma: 'scale' }, standardize: false },
  { name: 'SVC_rbf_C1_gamma_scale', params: { C: 1, kernel: 'rbf', gamma: 'scale' }, standardize: false },
  { name: 'SVC_rbf_C1_gamma_auto', params: { C: 1, kernel: 'rbf', gamma: 'auto' }, standardize: false },
  { name: 'StdScaler+SVC_rbf_C1', params: { C: 1, kernel: 'rbf', gamma: 'scale' }, standardize: true },
  { name: 'StdScaler+SVC_linear_C1', params: { C: 1, kernel: 'linear', gamma: 'scale' }, standardize: true },
] as const;

describe.each([5, 10])('stratified %i-fold without shuffling, through the workflow', (k) => {
  test.each([false, true])('standardize=%s: every candidate’s fold scores, mean and std equal scikit-learn’s', async (standardize) => {
    const cases = CASES.filter((c) => c.standardize === standardize);
    const result = await runWorkflow(fixture.runtime, 'kfold-cv', {
      dataset,
      k,
      folds: { shuffle: false, standardize },
      search: { method: 'list', candidates: cases.map((c) => c.params), maxParallel: 2 },
      baselineScore: 0.5,
    });
    expect(result.status).toBe('SUCCEEDED');
    const output = result.output as KfoldOutput;
    const reference = sklearnReference();
    expect(output.search.candidates.map((c) => c.id)).toEqual(cases.map((_, i) => i));
    cases.forEach((c, i) => {
      const expected = reference[`${c.name}_cv${k}`] as SklearnCase;
      const actual = output.search.candidates[i];
      expect(actual.foldScores).toHaveLength(k);
      actual.foldScores.forEach((score, fold) => expect(score).toBeCloseTo(expected.scores[fold], 9));
      expect(actual.mean).toBeCloseTo(expected.mean, 9);
      expect(actual.std).toBeCloseTo(expected.std, 9);
    });
  });

  test('the fold files hold scikit-learn’s test indices', async () => {
    const { executionArn } = await runWorkflow(fixture.runtime, 'kfold-cv', {
      dataset,
      k,
      folds: { shuffle: false },
      search: { method: 'list', candidates: [{ C: 1, kernel: 'linear', gamma: 'scale' }] },
    });
    const name = executionArn.split(':').pop()!;
    const expected = sklearnReference()[`stratified_cv${k}_test_indices`] as number[][];
    const keys = await fixture.runtime.services.objects.listKeys(DATA_BUCKET, `runs/kfold-cv/${name}/folds/`);
    const tests = await Promise.all(keys.map(async (key) => JSON.parse(await fixture.runtime.services.objects.getText({ bucket: DATA_BUCKET, key })).test));
    expect(tests).toEqual(expected);
  });
});
