/** Custom events the kfold-cv workflow emits. */
import { Type } from '@sinclair/typebox';
import { Hyperparameters, ObjectLocation } from './input';
import { ApprovalStatus } from './registry';

export const ModelRegisteredDetail = Type.Object(
  {
    modelName: Type.String(),
    version: Type.Integer({ minimum: 1 }),
    status: ApprovalStatus,
    artefact: ObjectLocation,
    hyperparameters: Hyperparameters,
    meanScore: Type.Number(),
    executionArn: Type.String(),
  },
  { additionalProperties: false },
);
