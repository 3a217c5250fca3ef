/**
 * RegisterModel: a new version in the model registry, pending manual approval, with the
 * hyperparameters that mean something for its kernel and the cross-validation scores as metrics.
 */
import { defineTask } from '../../../src/builder';
import { RegisterModelInput, RegisterModelOutput } from '../schemas';
import { transient } from './retry';

export const RegisterModel = defineTask({
  name: 'kfold-register-model',
  input: RegisterModelInput,
  output: RegisterModelOutput,
  access: { modelRegistry: true },
  retry: transient,
  run: ({ hyperparameters, foldScores, meanScore, stdScore, ...request }, { models }) =>
    models.register({ ...request, kind: 'svm', hyperparameters: meaningful(hyperparameters), metrics: { meanScore, stdScore, foldScores } }),
});

/** libsvm ignores gamma for a linear kernel and degree/coef0 unless the kernel uses them. */
function meaningful({ C, kernel, gamma, degree, coef0 }: RegisterModelInput['hyperparameters']): Record<string, unknown> {
  return {
    C,
    kernel,
    ...(kernel !== 'linear' && { gamma }),
    ...(kernel === 'poly' && degree !== undefined && { degree }),
    ...((kernel === 'poly' || kernel === 'sigmoid') && coef0 !== undefined && { coef0 }),
  };
}
