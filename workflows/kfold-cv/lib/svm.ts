import { type KernelName, type LibsvmModel, loadLibsvm, predictLibsvm, type TrainParams, trainLibsvm } from './libsvm-native';
import { readModelText, writeModelText } from './libsvm-model-text';
import { variance } from './metrics';

export const Kernels = ['linear', 'poly', 'rbf', 'sigmoid'] as const;
export type Kernel = (typeof Kernels)[number];

/** A kernel coefficient, or how to derive it from the training features as scikit-learn does. */
export type Gamma = number | 'scale' | 'auto';

/**
 * C-SVC hyperparameters; defaults are scikit-learn's `SVC()` so that scores match it.
 * @see https://scikit-learn.org/1.2/modules/generated/sklearn.svm.SVC.html
 */
export interface SvcParams {
  /** Penalty of misclassification. @default 1 */
  readonly C?: number;
  /** @default 'rbf' */
  readonly kernel?: Kernel;
  /** 'scale' = 1 / (n_features · X.var()), 'auto' = 1 / n_features, over the training features. @default 'scale' */
  readonly gamma?: Gamma;
  /** Polynomial degree (poly kernel only). @default 3 */
  readonly degree?: number;
  /** Independent term of the poly and sigmoid kernels. @default 0 */
  readonly coef0?: number;
  /** Stopping tolerance. @default 1e-3 */
  readonly tol?: number;
  /** libsvm's shrinking heuristic. @default true */
  readonly shrinking?: boolean;
  /** Kernel cache size in MB; affects speed only. @default 200 */
  readonly cacheSizeMb?: number;
}

export type ResolvedSvcParams = Required<Omit<SvcParams, 'gamma'>> & { readonly gamma: number };

const LIBSVM_KERNEL: Record<Kernel, KernelName> = { linear: 'linear', poly: 'polynomial', rbf: 'rbf', sigmoid: 'sigmoid' };

/** scikit-learn 1.2's `_gamma`: 'scale' falls back to 1 when the features have no variance. */
export function resolveGamma(gamma: Gamma, features: readonly (readonly number[])[]): number {
  const featureCount = features[0].length;
  if (gamma === 'auto') return 1 / featureCount;
  if (gamma !== 'scale') return gamma;
  const featureVariance = variance(features.flat());
  return featureVariance === 0 ? 1 : 1 / (featureCount * featureVariance);
}

export function resolveParams(params: SvcParams, features: readonly (readonly number[])[]): ResolvedSvcParams {
  return {
    C: params.C ?? 1,
    kernel: params.kernel ?? 'rbf',
    gamma: resolveGamma(params.gamma ?? 'scale', features),
    degree: params.degree ?? 3,
    coef0: params.coef0 ?? 0,
    tol: params.tol ?? 1e-3,
    shrinking: params.shrinking ?? true,
    cacheSizeMb: params.cacheSizeMb ?? 200,
  };
}

/**
 * A trained libsvm C-SVC. Its memory is native (the libsvm addon's), which the garbage collector
 * frees only eventually and without knowing its size: call {@link SvcModel.dispose} when done (or
 * use {@link fitPredict}).
 */
export class SvcModel {
  private constructor(private model: LibsvmModel | undefined) {}

  /** Trains on `labels` (class indexes). */
  static train(features: readonly (readonly number[])[], labels: readonly number[], params: SvcParams = {}): SvcModel {
    assertTrainable(features, labels);
    const resolved = resolveParams(params, features);
    // scikit-learn's patched libsvm orders classes by label value; upstream libsvm by first appearance.
    // A stable sort by label makes both orders the same, hence the same one-vs-one models and votes.
    const order = labels.map((_, row) => row).sort((a, b) => labels[a] - labels[b]);
    return new SvcModel(
      trainLibsvm(
        order.map((row) => features[row]),
        order.map((row) => labels[row]),
        toTrainParams(resolved),
      ),
    );
  }

  /** Loads a model written by {@link SvcModel.serialize} (libsvm's model-file format). */
  static deserialize(text: string): SvcModel {
    return new SvcModel(loadLibsvm(readModelText(text)));
  }

  predict(features: readonly (readonly number[])[]): number[] {
    return predictLibsvm(this.trained(), features);
  }

  /** libsvm's model-file text at full precision: reloading it predicts exactly as this model does. */
  serialize(): string {
    return writeModelText(this.trained().fields());
  }

  dispose(): void {
    this.model?.free();
    this.model = undefined;
  }

  private trained(): LibsvmModel {
    if (!this.model) throw new Error('This SvcModel was disposed.');
    return this.model;
  }
}

/** Trains, predicts the test rows and frees libsvm's memory: one cross-validation fold. */
export function fitPredict(
  train: { features: readonly (readonly number[])[]; labels: readonly number[] },
  testFeatures: readonly (readonly number[])[],
  params: SvcParams = {},
): number[] {
  const model = SvcModel.train(train.features, train.labels, params);
  try {
    return model.predict(testFeatures);
  } finally {
    model.dispose();
  }
}

function toTrainParams(params: ResolvedSvcParams): TrainParams {
  return { ...params, kernel: LIBSVM_KERNEL[params.kernel] };
}

function assertTrainable(features: readonly (readonly number[])[], labels: readonly number[]): void {
  if (features.length === 0 || features.length !== labels.length) {
    throw new RangeError(`Training needs rows with one label each; got ${features.length} rows and ${labels.length} labels.`);
  }
}
