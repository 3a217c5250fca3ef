import { readFileSync } from 'node:fs';
import { parseDataset } from '../../../../workflows/kfold-cv/lib/csv';

const IRIS_DIR = `${__dirname}/../../../../../shared/data/iris`;

export const iris = parseDataset(readFileSync(`${IRIS_DIR}/iris.csv`, 'utf8'));

export interface ReferenceScores {
  readonly scores: number[];
  readonly mean: number;
  readonly std: number;
}

/** scikit-learn 1.2.1's cross-validation results on Iris (see shared/data/iris/README.md). */
export const sklearnReference = JSON.parse(readFileSync(`${IRIS_DIR}/sklearn-svc-cv-reference.json`, 'utf8')) as Record<
  string,
  unknown
> & {
  stratified_cv5_test_indices: number[][];
  stratified_cv10_test_indices: number[][];
  SVC_linear_C1_plainKFold5_noshuffle: number[];
};
