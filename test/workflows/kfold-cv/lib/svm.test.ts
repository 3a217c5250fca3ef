import { selectRows } from '../../../../workflows/kfold-cv/lib/cross-validate';
import { stratifiedKFold } from '../../../../workflows/kfold-cv/lib/folds';
import { accuracy } from '../../../../workflows/kfold-cv/lib/metrics';
import { standardScale } from '../../../../workflows/kfold-cv/lib/scaler';
import { Kernels, resolveGamma, resolveParams, SvcModel } from '../../../../workflows/kfold-cv/lib/svm';
import { iris } from './iris';

const [firstFold] = stratifiedKFold(iris.labels, 5);
const train = selectRows(iris, firstFold.train);
const test = selectRows(iris, firstFold.test);

function withModel<T>(model: SvcModel, use: (model: SvcModel) => T): T {
  try {
    return use(model);
  } finally {
    model.dispose();
  }
}

describe('resolveGamma', () => {
  it("'auto' is 1 / n_features and a number is itself", () => {
    expect(resolveGamma('auto', iris.features)).toBe(0.25);
    expect(resolveGamma(0.3, iris.features)).toBe(0.3);
  });

  it("'scale' is 1 / (n_features × variance of all feature values)", () => {
    const values = iris.features.flat();
    const average = values.reduce((a, b) => a + b) / values.length;
    const spread = values.reduce((sum, v) => sum + (v - average) ** 2, 0) / values.length;
    expect(resolveGamma('scale', iris.features)).toBeCloseTo(1 / (4 * spread), 12);
  });

  it("'scale' is 1 when the features are constant, as scikit-learn", () => {
    expect(resolveGamma('scale', [[2, 2], [2, 2]])).toBe(1);
  });

  it("defaults to scikit-learn's SVC()", () => {
    expect(resolveParams({}, [[0, 1]])).toEqual({
      C: 1, kernel: 'rbf', gamma: 1 / (2 * 0.25), degree: 3, coef0: 0, tol: 1e-3, shrinking: true, cacheSizeMb: 200,
    });
  });
});

describe('SvcModel', () => {
  const libsvmKernelName = { linear: 'linear', poly: 'polynomial', rbf: 'rbf', sigmoid: 'sigmoid' };

  it.each(Kernels)('trains the %s kernel and predicts far better than chance (1/3)', (kernel) => {
    const scaled = standardScale(train.features, test.features);
    withModel(SvcModel.train(scaled.train, train.labels, { kernel, C: 1 }), (model) => {
      expect(model.serialize()).toContain(`kernel_type ${libsvmKernelName[kernel]}\n`);
      expect(accuracy(test.labels, model.predict(scaled.test))).toBeGreaterThanOrEqual(0.7);
    });
  });

  it('serialises to a full-precision libsvm model file that reloads to the identical model', () => {
    const scaled = standardScale(train.features, test.features);
    const params = { kernel: 'rbf', C: 3.3, gamma: 'scale' } as const;
    const gamma = resolveGamma('scale', scaled.train);
    withModel(SvcModel.train(scaled.train, train.labels, params), (model) => {
      const text = model.serialize();
      expect(text).toMatch(new RegExp(`^svm_type c_svc\nkernel_type rbf\ngamma ${gamma}\nnr_class 3\n`));
      withModel(SvcModel.deserialize(text), (reloaded) => {
        expect(reloaded.serialize()).toBe(text);
        const grid = scaled.test.flatMap((row) => [-0.5, 0, 0.5].map((shift) => row.map((value) => value + shift)));
        expect(reloaded.predict(grid)).toEqual(model.predict(grid));
      });
    });
  });

  it('writes degree and coef0 for the poly kernel', () => {
    const text = withModel(SvcModel.train(train.features, train.labels, { kernel: 'poly', degree: 2, coef0: 0.5, gamma: 0.1 }), (m) =>
      m.serialize(),
    );
    expect(text).toMatch(/^svm_type c_svc\nkernel_type polynomial\ndegree 2\ngamma 0.1\ncoef0 0.5\n/);
  });

  it('learns the same model whatever order the classes first appear in (scikit-learn sorts them)', () => {
    const byClass = [2, 0, 1].flatMap((label) => firstFold.train.filter((row) => iris.labels[row] === label));
    const reordered = selectRows(iris, byClass);
    const model = (rows: typeof train) => withModel(SvcModel.train(rows.features, rows.labels, { kernel: 'linear' }), (m) => m.serialize());
    expect(model(reordered)).toBe(model(train));
  });

  it('refuses to be used after dispose, and refuses empty training data', () => {
    const model = SvcModel.train(train.features, train.labels);
    model.dispose();
    expect(() => model.predict(test.features)).toThrow(/disposed/);
    expect(() => SvcModel.train([], [])).toThrow(RangeError);
  });
});
