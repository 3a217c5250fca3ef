import type { Fold } from './folds';
import { accuracy } from './metrics';
import { standardScale } from './scaler';
import { fitPredict, type SvcParams } from './svm';

/** Rows of features with their class indexes (a {@link Dataset} is one). */
export interface LabelledRows {
  readonly features: readonly (readonly number[])[];
  readonly labels: readonly number[];
}

export interface FoldOptions {
  /** Standardise features with a scaler fitted on the training rows (scikit-learn's StandardScaler in a Pipeline). @default false */
  readonly standardize?: boolean;
}

export function selectRows(data: LabelledRows, rows: readonly number[]): LabelledRows {
  return { features: rows.map((row) => data.features[row]), labels: rows.map((row) => data.labels[row]) };
}

/** Fits on the fold's training rows and returns the accuracy on its test rows. */
export function scoreFold(data: LabelledRows, fold: Fold, params: SvcParams, options: FoldOptions = {}): number {
  const train = selectRows(data, fold.train);
  const test = selectRows(data, fold.test);
  const scaled = options.standardize ? standardScale(train.features, test.features) : undefined;
  const predicted = fitPredict(
    { features: scaled?.train ?? train.features, labels: train.labels },
    scaled?.test ?? test.features,
    params,
  );
  return accuracy(test.labels, predicted);
}

/** One accuracy per fold, as scikit-learn's `cross_val_score` returns them. */
export function crossValidate(data: LabelledRows, folds: readonly Fold[], params: SvcParams, options: FoldOptions = {}): number[] {
  return folds.map((fold) => scoreFold(data, fold, params, options));
}
