/** Custom events the kfold-cv workflow emits. */
import { Type } from '@sinclair/typebox';
import { ApprovalStatus, ObjectRef } from '../../../src/services';
import { Hyperparameters } from './input';

export const ModelRegisteredDetail = Type.Object(
  {
    modelName: Type.String(),
    version: Type.Integer({ minimum: 1 }),
    status: ApprovalStatus,
    artefact: ObjectRef,
    hyperparameters: Hyperparameters,
    meanScore: Type.Number(),
    executionArn: Type.String(),
  },
  { additionalProperties: false },
);
