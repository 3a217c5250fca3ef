import { crossValidate } from '../../../../workflows/kfold-cv/lib/cross-validate';
import { type Fold, kFold, stratifiedKFold } from '../../../../workflows/kfold-cv/lib/folds';
import { mean, std } from '../../../../workflows/kfold-cv/lib/metrics';
import type { SvcParams } from '../../../../workflows/kfold-cv/lib/svm';
import { iris, type ReferenceScores, sklearnReference } from './iris';
import { numpyPermutation } from './numpy-random';

const TOLERANCE = 1e-9;

/** The estimator behind each reference entry (scikit-learn's `SVC` defaults apart from these). */
const estimators: Record<string, { params: SvcParams; standardize?: boolean }> = {
  SVC_linear_C1: { params: { kernel: 'linear', C: 1 } },
  SVC_rbf_C1_gamma_scale: { params: { kernel: 'rbf', C: 1, gamma: 'scale' } },
  SVC_rbf_C1_gamma_auto: { params: { kernel: 'rbf', C: 1, gamma: 'auto' } },
  'StdScaler+SVC_rbf_C1': { params: { kernel: 'rbf', C: 1 }, standardize: true },
  'StdScaler+SVC_linear_C1': { params: { kernel: 'linear', C: 1 }, standardize: true },
};

function referenceFolds(k: 5 | 10): Fold[] {
  const tests = sklearnReference[`stratified_cv${k}_test_indices`];
  return tests.map((test) => ({
    test,
    train: iris.labels.map((_, row) => row).filter((row) => !test.includes(row)),
  }));
}

const cases = Object.entries(estimators).flatMap(([name, estimator]) =>
  ([5, 10] as const).map((k) => ({ key: `${name}_cv${k}`, k, ...estimator })),
);

describe('stratifiedKFold reproduces scikit-learn StratifiedKFold(shuffle=False) on Iris', () => {
  it.each([5, 10] as const)('k=%i: same test and train indices', (k) => {
    expect(stratifiedKFold(iris.labels, k)).toEqual(referenceFolds(k));
  });
});

describe.each(cases)('$key equals scikit-learn 1.2.1', ({ key, k, params, standardize }) => {
  const reference = sklearnReference[key] as ReferenceScores;

  it.each([
    ['the reference folds', () => referenceFolds(k)],
    ['our stratifiedKFold', () => stratifiedKFold(iris.labels, k)],
  ])('every fold accuracy with %s', (_, folds) => {
    const scores = crossValidate(iris, folds(), params, { standardize });
    expect(scores).toHaveLength(k);
    scores.forEach((score, fold) => expect(Math.abs(score - reference.scores[fold])).toBeLessThanOrEqual(TOLERANCE));
  });

  it('mean and population std equal numpy bit for bit', () => {
    expect(mean(reference.scores)).toBe(reference.mean);
    expect(std(reference.scores)).toBe(reference.std);
  });
});

describe('plain KFold(5) without shuffle', () => {
  it('SVC(kernel="linear", C=1) fold accuracies equal the reference', () => {
    const scores = crossValidate(iris, kFold(iris.labels.length, 5), { kernel: 'linear', C: 1 });
    const reference = sklearnReference.SVC_linear_C1_plainKFold5_noshuffle;
    scores.forEach((score, fold) => expect(Math.abs(score - reference[fold])).toBeLessThanOrEqual(TOLERANCE));
  });
});

describe('train_test_split(test_size=0.4, random_state=0)', () => {
  it('SVC(kernel="linear", C=1) holdout accuracy equals the reference, training rows in shuffled order', () => {
    // ShuffleSplit: test = the first ceil(0.4 n) rows of numpy's permutation, train = the rest, in that order.
    const permutation = numpyPermutation(iris.labels.length, 0);
    const holdout: Fold = { test: permutation.slice(0, 60), train: permutation.slice(60) };
    const [score] = crossValidate(iris, [holdout], { kernel: 'linear', C: 1 });
    expect(Math.abs(score - (sklearnReference['holdout_0.4_rs0_SVC_linear_C1'] as number))).toBeLessThanOrEqual(TOLERANCE);
  });
});

it('covers every cross-validation entry of the reference file', () => {
  const withScores = Object.keys(sklearnReference).filter((key) => (sklearnReference[key] as ReferenceScores)?.scores);
  expect(withScores.sort()).toEqual(cases.map((c) => c.key).sort());
});
