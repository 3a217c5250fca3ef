/** Small schemas, tasks and events the builder tests share. */
import { Type } from '@sinclair/typebox';
import { defineEvent, defineTask } from '../../src/builder';
import { notRun } from '../support/not-run';

export const DatasetInput = Type.Object({
  dataset: Type.Object({ bucket: Type.String(), key: Type.String() }),
  k: Type.Integer({ minimum: 2 }),
  baselineScore: Type.Number(),
});

export const Split = defineTask({
  name: 'kfold-split', access: {}, run: notRun,
  input: Type.Object({ bucket: Type.String(), key: Type.String(), k: Type.Integer() }),
  output: Type.Object({
    folds: Type.Array(Type.Object({ index: Type.Integer(), trainKey: Type.String(), testKey: Type.String() })),
    rows: Type.Integer(),
  }),
  retry: [{ ErrorEquals: ['States.TaskFailed'], MaxAttempts: 2, IntervalSeconds: 1, BackoffRate: 2 }],
});

export const TrainFold = defineTask({
  name: 'kfold-train-fold', access: {}, run: notRun,
  input: Type.Object({ trainKey: Type.String(), testKey: Type.String() }),
  output: Type.Object({ score: Type.Number() }),
});

export const Label = defineTask({
  name: 'brand-wait-for-labels', access: {}, run: notRun,
  input: Type.Object({ manifestKey: Type.String(), taskToken: Type.String() }),
  output: Type.Object({ annotationsKey: Type.String() }),
});

export const ModelRegistered = defineEvent({
  source: 'statecraft.kfold-cv',
  detailType: 'ModelRegistered',
  detail: Type.Object({ modelVersion: Type.Integer(), executionArn: Type.String() }),
});
