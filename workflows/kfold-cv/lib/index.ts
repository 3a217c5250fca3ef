/**
 * The machine-learning core of the `kfold-cv` workflow, for its task handlers (Split, TrainFold,
 * Aggregate, SelectBest, FitFinal). Everything is synchronous and pure apart from libsvm's native
 * memory, which {@link SvcModel.dispose} frees, so handlers can run it in worker threads.
 *
 * On the same folds and hyperparameters, fold accuracies equal scikit-learn 1.2.1's `SVC` (see
 * `test/tasks/kfold/lib/sklearn-equality.test.ts`).
 */
export { assertRowsPerClass, type Dataset, parseDataset, type ParseDatasetOptions } from './csv';
export { DatasetError, type DatasetErrorCode, DatasetErrorCodes, type DatasetErrorLocation } from './dataset-error';
export { type Fold, kFold, shuffledStratifiedKFold, stratifiedKFold } from './folds';
export { accuracy, mean, std, variance } from './metrics';
export { applyStandardScaler, fitStandardScaler, type StandardScaler, standardScale } from './scaler';
export {
  fitPredict,
  type Gamma,
  type Kernel,
  Kernels,
  resolveGamma,
  resolveParams,
  type ResolvedSvcParams,
  SvcModel,
  type SvcParams,
} from './svm';
export { crossValidate, type FoldOptions, type LabelledRows, scoreFold, selectRows } from './cross-validate';
export { type ProposalRequest, proposeCandidates, randomSearch, type SearchMethod } from './search';
export type { Candidate, LogRange, ScoredCandidate, SearchSpace } from './search-space';
export { shuffled } from './random';
