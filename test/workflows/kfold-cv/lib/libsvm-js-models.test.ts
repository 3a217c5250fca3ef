/**
 * SvcModel against models recorded with libsvm-js 0.2.1 (libsvm compiled to WebAssembly), so that
 * whatever build of libsvm trains them is held to the same model text byte for byte (hence the same
 * support vectors, coefficients and rho), the same predictions, and still loads libsvm-js's texts.
 * Cases with a `knownDifference` say why their text may differ; for them the numbers must agree to
 * 1e-12 and the predictions exactly.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { generateClassificationCsv } from '../../../../bench/kfold-data';
import { type LabelledRows, selectRows } from '../../../../workflows/kfold-cv/lib/cross-validate';
import { parseDataset } from '../../../../workflows/kfold-cv/lib/csv';
import { stratifiedKFold } from '../../../../workflows/kfold-cv/lib/folds';
import { standardScale } from '../../../../workflows/kfold-cv/lib/scaler';
import { SvcModel, type SvcParams } from '../../../../workflows/kfold-cv/lib/svm';
import { iris } from './iris';

interface RecordedCase {
  name: string;
  dataset: 'iris' | 'generated';
  standardize: boolean;
  params: SvcParams;
  sha256: string;
  predictions: number[];
  text?: string;
  knownDifference?: string;
}

const recorded = JSON.parse(readFileSync(`${__dirname}/libsvm-js-models.json`, 'utf8')) as { cases: RecordedCase[] };
const datasets: Record<RecordedCase['dataset'], LabelledRows> = {
  iris,
  generated: parseDataset(generateClassificationCsv({ rows: 300, features: 20, classes: 2, seed: 7 })),
};

function firstFold({ dataset, standardize }: RecordedCase) {
  const data = datasets[dataset];
  const [fold] = stratifiedKFold(data.labels, 5);
  const train = selectRows(data, fold.train);
  const test = selectRows(data, fold.test);
  const scaled = standardize ? standardScale(train.features, test.features) : { train: train.features, test: test.features };
  return { features: scaled.train, labels: train.labels, test: scaled.test };
}

function withModel<T>(model: SvcModel, use: (model: SvcModel) => T): T {
  try {
    return use(model);
  } finally {
    model.dispose();
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const numbersOf = (text: string) => text.split(/[\s:]+/).filter((token) => /^-?[\d.]/.test(token)).map(Number);

describe.each(recorded.cases)('$name', (recordedCase) => {
  const { features, labels, test } = firstFold(recordedCase);

  it('trains the model libsvm-js trained and predicts what it predicted', () => {
    withModel(SvcModel.train(features, labels, recordedCase.params), (model) => {
      expect(model.predict(test)).toEqual(recordedCase.predictions);
      const text = model.serialize();
      if (!recordedCase.knownDifference) return expect(sha256(text)).toBe(recordedCase.sha256);
      const expected = numbersOf(recordedCase.text!);
      const actual = numbersOf(text);
      expect(actual).toHaveLength(expected.length);
      actual.forEach((value, index) => expect(Math.abs(value - expected[index])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected[index]))));
    });
  });

  if (recordedCase.text !== undefined) {
    it('loads the text libsvm-js wrote, predicts as it did, and writes the same text back', () => {
      withModel(SvcModel.deserialize(recordedCase.text!), (model) => {
        expect(model.predict(test)).toEqual(recordedCase.predictions);
        expect(model.serialize()).toBe(recordedCase.text);
      });
    });
  }
});
