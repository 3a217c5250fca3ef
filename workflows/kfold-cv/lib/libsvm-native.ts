/**
 * libsvm's C-SVC through the addon in `native/libsvm` (upstream libsvm 3.24, compiled at install),
 * for rows of numbers: they are packed into the dense row-major arrays the addon reads. Training and
 * prediction are synchronous calls into native code, so workers and Lambda run them alike.
 */
import * as libsvm from 'libsvm-native';

export type { KernelName, ModelFields, TrainParams } from 'libsvm-native';
/** A model in native memory, which the garbage collector does not see the size of: `free()` it. */
export type LibsvmModel = libsvm.Model;

type Rows = readonly (readonly number[])[];

export function trainLibsvm(features: Rows, labels: readonly number[], params: libsvm.TrainParams): LibsvmModel {
  const { values, cols } = packRows(features);
  return libsvm.train(values, features.length, cols, Float64Array.from(labels), params);
}

/** The predicted label of each row. */
export function predictLibsvm(model: LibsvmModel, features: Rows): number[] {
  if (features.length === 0) return [];
  const { values, cols } = packRows(features);
  return Array.from(model.predict(values, features.length, cols));
}

export function loadLibsvm(fields: libsvm.ModelFields): LibsvmModel {
  return libsvm.load(fields);
}

function packRows(rows: Rows): { values: Float64Array; cols: number } {
  const cols = rows[0].length;
  const values = new Float64Array(rows.length * cols);
  rows.forEach((row, index) => {
    if (row.length !== cols) throw new RangeError(`Every row needs ${cols} features; row ${index} has ${row.length}.`);
    values.set(row, index * cols);
  });
  return { values, cols };
}
