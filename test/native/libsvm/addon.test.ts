/**
 * The libsvm addon itself (native/libsvm): training, prediction, a model's fields and loading them
 * back, the model text made from them, its errors, and its memory over many fits.
 */
import * as libsvm from 'libsvm-native';
import { readModelText, writeModelText } from '../../../workflows/kfold-cv/lib/libsvm-model-text';
import { seededRandom } from '../../../src/services';

const PARAMS: libsvm.TrainParams = { kernel: 'rbf', degree: 3, gamma: 0.1, coef0: 0, C: 1, cacheSizeMb: 100, tol: 1e-3, shrinking: true };

/** Two noisy Gaussian classes, rows × cols, labels 0 and 1. */
function twoClasses(rows: number, cols: number, seed = 1): { values: Float64Array; labels: Float64Array } {
  const random = seededRandom(seed);
  const values = new Float64Array(rows * cols);
  const labels = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    labels[row] = row % 2;
    for (let col = 0; col < cols; col++) values[row * cols + col] = (labels[row] ? 1 : -1) * (col < 3 ? 1 : 0) + 2 * (random() - 0.5);
  }
  return { values, labels };
}

function using<T>(model: libsvm.Model, use: (model: libsvm.Model) => T): T {
  try {
    return use(model);
  } finally {
    model.free();
  }
}

/** The error `act` throws, as name and message (the addon's errors come from another realm than jest's). */
function errorOf(act: () => unknown): { name: string; message: string } {
  try {
    act();
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  throw new Error('nothing was thrown');
}

const data = twoClasses(200, 5);

test('is libsvm 3.24', () => {
  expect(libsvm.libsvmVersion).toBe(324);
});

test('train → predict → fields → text → load → predict: the loaded model is the same model', () => {
  using(libsvm.train(data.values, 200, 5, data.labels, PARAMS), (trained) => {
    const predicted = trained.predict(data.values, 200, 5);
    expect(predicted.filter((label, row) => label === data.labels[row]).length).toBeGreaterThan(150);
    const fields = trained.fields();
    expect(fields).toMatchObject({ kernel: 'rbf', gamma: 0.1, labels: Int32Array.from([0, 1]) });
    expect(fields.supportVectors.offsets).toHaveLength(fields.svCounts[0] + fields.svCounts[1] + 1);
    const text = writeModelText(fields);
    // The text leaves out what the kernel does not use (an RBF model's degree), so compare what it holds.
    const reread = readModelText(text);
    expect(reread).toEqual({ ...fields, degree: 0 });
    using(libsvm.load(reread), (loaded) => {
      expect(loaded.fields()).toEqual(reread);
      expect(loaded.predict(data.values, 200, 5)).toEqual(predicted);
    });
  });
});

test('predicts zero rows as an empty array', () => {
  using(libsvm.train(data.values, 200, 5, data.labels, PARAMS), (model) => expect(model.predict(new Float64Array(0), 0, 5)).toEqual(new Float64Array(0)));
});

describe('errors', () => {
  const train = (params: Partial<Record<keyof libsvm.TrainParams, unknown>>) => () =>
    libsvm.train(data.values, 200, 5, data.labels, { ...PARAMS, ...params } as libsvm.TrainParams).free();

  it("passes on svm_check_parameter's reason for parameters libsvm refuses", () => {
    expect(errorOf(train({ C: 0 }))).toEqual({ name: 'Error', message: 'libsvm rejected the training parameters: C <= 0' });
    expect(errorOf(train({ gamma: -1 })).message).toBe('libsvm rejected the training parameters: gamma < 0');
    expect(errorOf(train({ tol: 0 })).message).toBe('libsvm rejected the training parameters: eps <= 0');
  });

  it('names the argument that has the wrong type or shape', () => {
    expect(errorOf(train({ kernel: 'poly' }))).toEqual({ name: 'TypeError', message: 'kernel must be one of linear, polynomial, rbf, sigmoid' });
    expect(errorOf(train({ C: Number.NaN }))).toEqual({ name: 'TypeError', message: 'C must be a finite number' });
    expect(errorOf(train({ degree: 2.5 }))).toEqual({ name: 'TypeError', message: 'degree must be an integer' });
    expect(errorOf(train({ shrinking: 1 }))).toEqual({ name: 'TypeError', message: 'shrinking must be a boolean' });
    expect(() => libsvm.train(data.values, 201, 5, data.labels, PARAMS)).toThrow(/values must hold rows × cols numbers.*got 1000 values for 201 × 5/);
    expect(() => libsvm.train(data.values, 200, 5, new Float64Array(3), PARAMS)).toThrow(/labels must be a Float64Array with one label per row/);
    expect(() => libsvm.train([1, 2] as unknown as Float64Array, 1, 2, data.labels, PARAMS)).toThrow(/values must be a Float64Array/);
  });

  it('refuses fields that do not make a model', () => {
    using(libsvm.train(data.values, 200, 5, data.labels, PARAMS), (model) => {
      const fields = model.fields();
      expect(errorOf(() => libsvm.load({ ...fields, rho: new Float64Array(2) }))).toEqual({ name: 'TypeError', message: 'rho must hold 1 numbers; got 2' });
      expect(() => libsvm.load({ ...fields, svCoef: [] })).toThrow(/svCoef must be an array of 1 Float64Arrays/);
      const offsets = fields.supportVectors.offsets.slice();
      offsets[1] = offsets[offsets.length - 1] + 100;
      expect(() => libsvm.load({ ...fields, supportVectors: { ...fields.supportVectors, offsets } })).toThrow(
        /supportVectors.offsets must not decrease and must end at the node count/,
      );
      const indices = fields.supportVectors.indices.slice();
      indices[1] = indices[0];
      expect(() => libsvm.load({ ...fields, supportVectors: { ...fields.supportVectors, indices } })).toThrow(
        /support vector 0: feature indices must be ascending and at least 1/,
      );
    });
  });

  it('refuses a freed model, and freeing twice is harmless', () => {
    const model = libsvm.train(data.values, 200, 5, data.labels, PARAMS);
    model.free();
    model.free();
    expect(errorOf(() => model.predict(data.values, 200, 5))).toEqual({ name: 'Error', message: 'the model was freed' });
    expect(() => model.fields()).toThrow('the model was freed');
  });
});

test('100 fits freed one by one leave no model and no memory behind', () => {
  const large = twoClasses(1000, 20, 2);
  const fit = () => using(libsvm.train(large.values, 1000, 20, large.labels, PARAMS), (model) => model.predict(large.values, 1000, 20));
  const before = libsvm.liveModels();
  for (let i = 0; i < 10; i++) fit();
  const rss = process.memoryUsage.rss();
  for (let i = 0; i < 100; i++) fit();
  expect(libsvm.liveModels()).toBe(before);
  // A leaked problem (the training rows libsvm copies) alone would be 100 × 0.5 MB.
  expect(process.memoryUsage.rss() - rss).toBeLessThan(20 * 1024 * 1024);
});
