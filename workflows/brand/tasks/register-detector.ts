/**
 * RegisterDetector: a new logo-detector version in the model registry, pending approval, with its
 * held-out scores. The kind carries the artefact's format version (`logo-detector/2`), so a reader
 * knows how to load the artefact before opening it.
 */
import { defineTask } from '../../../src/builder';
import { detectorKind } from '../lib/detector/kind';
import { RegisterDetectorInput, RegisterDetectorOutput } from '../schemas';

export const RegisterDetector = defineTask({
  name: 'brand-register-detector',
  input: RegisterDetectorInput,
  output: RegisterDetectorOutput,
  access: { modelRegistry: true },
  run: ({ modelName, artefact, detector, summary, executionArn }, { models }) =>
    models.register({
      modelName,
      kind: detectorKind(detector.format),
      artefact,
      hyperparameters: { method: 'backbone-head+orb', format: detector.format, threshold: detector.threshold, templates: detector.templates },
      metrics: {
        accuracy: summary.accuracy,
        precision: summary.precision,
        recall: summary.recall,
        f1: summary.f1,
        testImages: summary.images,
        validationAccuracy: detector.validation.accuracy,
        validationPrecision: detector.validation.precision,
        validationImages: detector.validation.images,
      },
      executionArn,
    }),
});
