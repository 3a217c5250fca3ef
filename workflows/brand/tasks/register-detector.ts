/** RegisterDetector: a new `logo-detector` version in the model registry, pending approval, with its held-out scores. */
import { defineTask } from '../../../src/builder';
import { RegisterDetectorInput, RegisterDetectorOutput } from '../schemas';

export const RegisterDetector = defineTask({
  name: 'brand-register-detector',
  input: RegisterDetectorInput,
  output: RegisterDetectorOutput,
  access: { modelRegistry: true },
  run: ({ modelName, artefact, minInliers, templates, summary, executionArn }, { models }) =>
    models.register({
      modelName,
      kind: 'logo-detector',
      artefact,
      hyperparameters: { method: 'orb-ransac', minInliers, templates },
      metrics: { accuracy: summary.accuracy, precision: summary.precision, recall: summary.recall, f1: summary.f1, testImages: summary.images },
      executionArn,
    }),
});
