/** What kfold-cv records of a model when it registers one (the registry's own records are generic). */
import { Type, type Static } from '@sinclair/typebox';
import { ModelName, ObjectRef } from '../../../src/services';
import { Hyperparameters } from './input';

export const RegisterModelInput = Type.Object(
  {
    modelName: ModelName,
    artefact: ObjectRef,
    hyperparameters: Hyperparameters,
    foldScores: Type.Array(Type.Number(), { minItems: 1 }),
    meanScore: Type.Number(),
    stdScore: Type.Number(),
    dataset: Type.Object({ location: ObjectRef, fingerprint: Type.String({ pattern: '^sha256:[0-9a-f]{64}$' }) }, { additionalProperties: false }),
    /** The execution that produced the model (lineage). */
    executionArn: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);
export type RegisterModelInput = Static<typeof RegisterModelInput>;
