/**
 * libsvm 3.24's C-SVC as a Node-API addon (see deps/libsvm/SOURCE.md). Rows are passed dense and
 * row-major: `values` holds `rows × cols` numbers, feature `j` of a row being libsvm's index `j + 1`.
 * Argument mistakes throw a TypeError naming the argument; parameters libsvm refuses throw an Error
 * carrying `svm_check_parameter`'s reason.
 */

/** libsvm's kernel names, as its model files spell them. */
export type KernelName = 'linear' | 'polynomial' | 'rbf' | 'sigmoid';

/** svm-train's options for C-SVC; every one required (defaults belong to the caller). */
export interface TrainParams {
  readonly kernel: KernelName;
  /** Polynomial degree; an integer. */
  readonly degree: number;
  readonly gamma: number;
  readonly coef0: number;
  readonly C: number;
  /** Kernel cache size in MB (svm-train -m). */
  readonly cacheSizeMb: number;
  /** Stopping tolerance (svm-train -e). */
  readonly tol: number;
  readonly shrinking: boolean;
}

/** A C-SVC model's content, as libsvm's `struct svm_model` holds it and its model files write it. */
export interface ModelFields {
  readonly kernel: KernelName;
  readonly degree: number;
  readonly gamma: number;
  readonly coef0: number;
  /** Class labels in libsvm's class order. */
  readonly labels: Int32Array;
  /** One decision threshold per pair of classes: k(k-1)/2. */
  readonly rho: Float64Array;
  /** Support vectors per class; they sum to the support vector count l. */
  readonly svCounts: Int32Array;
  /** k-1 rows of l dual coefficients. */
  readonly svCoef: readonly Float64Array[];
  /** The support vectors, sparse (CSR): vector s has the nodes offsets[s] up to offsets[s+1]. */
  readonly supportVectors: {
    readonly offsets: Int32Array;
    /** Feature indices, ascending within a vector, from 1. */
    readonly indices: Int32Array;
    readonly values: Float64Array;
  };
}

/** A model in native memory: {@link Model.free} releases it now, the garbage collector eventually. */
export interface Model {
  /** The predicted label of each row. */
  predict(values: Float64Array, rows: number, cols: number): Float64Array;
  fields(): ModelFields;
  /** Idempotent; the model cannot be used afterwards. */
  free(): void;
}

export function train(values: Float64Array, rows: number, cols: number, labels: Float64Array, params: TrainParams): Model;
/** Rebuilds a model from its fields, as libsvm's `svm_load_model` does from a file. */
export function load(fields: ModelFields): Model;
/** Models of this process not yet freed, over every thread: for leak checks. */
export function liveModels(): number;
/** libsvm's `LIBSVM_VERSION`: 324. */
export const libsvmVersion: number;
