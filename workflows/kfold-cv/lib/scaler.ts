type Matrix = readonly (readonly number[])[];

/** Per-feature mean and scale learnt on training rows, as scikit-learn's `StandardScaler`. */
export interface StandardScaler {
  readonly mean: readonly number[];
  readonly scale: readonly number[];
}

/**
 * Fits like `StandardScaler().fit(X)` in scikit-learn 1.2 (`_incremental_mean_and_var` on a first batch):
 * column sums in row order, a correction term for the variance's rounding, and a scale of 1 for
 * constant features. Mirroring the arithmetic keeps scaled values, and so kernels, bit-identical.
 */
export function fitStandardScaler(features: Matrix): StandardScaler {
  const rows = features.length;
  const columns = features[0].length;
  const columnSum = (values: (row: readonly number[], column: number) => number) =>
    Array.from({ length: columns }, (_, column) => features.reduce((sum, row) => sum + values(row, column), 0));
  const mean = columnSum((row, column) => row[column]).map((sum) => sum / rows);
  const correction = columnSum((row, column) => row[column] - mean[column]);
  const squares = columnSum((row, column) => (row[column] - mean[column]) * (row[column] - mean[column]));
  const variance = squares.map((sum, column) => (sum - (correction[column] * correction[column]) / rows) / rows);
  return { mean, scale: variance.map((value) => (value === 0 ? 1 : Math.sqrt(value))) };
}

/** `(x - mean) / scale` per feature. */
export function applyStandardScaler(scaler: StandardScaler, features: Matrix): number[][] {
  return features.map((row) => row.map((value, column) => (value - scaler.mean[column]) / scaler.scale[column]));
}

/** Scales train and test rows with a scaler fitted on the training rows only, as a Pipeline does in CV. */
export function standardScale(train: Matrix, test: Matrix): { train: number[][]; test: number[][] } {
  const scaler = fitStandardScaler(train);
  return { train: applyStandardScaler(scaler, train), test: applyStandardScaler(scaler, test) };
}
