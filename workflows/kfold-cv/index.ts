/**
 * The kfold-cv workflow package: k-fold cross-validation of an SVM with hyperparameter search, a
 * baseline gate and the model registry. Its task functions carry the libsvm addon.
 */
import { join } from 'node:path';
import { defineWorkflowPackage } from '../../src/builder';
import { dataBucket } from '../data-bucket';
import { kfoldOnUpload } from './rules';
import { kfoldCv } from './workflow';

export const kfoldCvPackage = defineWorkflowPackage({
  module: __filename,
  workflows: [kfoldCv],
  rules: [kfoldOnUpload],
  buckets: [dataBucket],
  nativePackages: [{ name: 'libsvm-native', files: ['package.json', 'index.js', 'build/Release/svm.node'], binary: 'build/Release/svm.node' }],
  resultViews: [{ workflow: 'kfold-cv', title: 'Cross-validation scores', module: join(__dirname, 'console/result-view.js') }],
});

export { kfoldCv, ModelRegistered } from './workflow';
