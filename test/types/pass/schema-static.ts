// Proves: the type inferred from a TypeBox schema is the intended payload type, and a task's
// input/output types come from its schemas.
import { Type, type Static } from '@sinclair/typebox';
import { defineTask, type TaskInput, type TaskOutput } from '../../../src/builder';
import type { Equal, Expect } from '../expect';
import { notRun } from '../../support/not-run';

const KfoldInput = Type.Object({
  dataset: Type.Object({ bucket: Type.String(), key: Type.String() }),
  k: Type.Integer({ minimum: 2, default: 5 }),
  kernel: Type.Union([Type.Literal('linear'), Type.Literal('poly'), Type.Literal('rbf'), Type.Literal('sigmoid')]),
  seed: Type.Optional(Type.Integer()),
});

export type InputType = Expect<
  Equal<
    Static<typeof KfoldInput>,
    { dataset: { bucket: string; key: string }; k: number; kernel: 'linear' | 'poly' | 'rbf' | 'sigmoid'; seed?: number }
  >
>;

const Score = defineTask({ name: 'score', access: {}, run: notRun, input: KfoldInput, output: Type.Object({ mean: Type.Number() }) });
export type ScoreInput = Expect<Equal<TaskInput<typeof Score>, Static<typeof KfoldInput>>>;
export type ScoreOutput = Expect<Equal<TaskOutput<typeof Score>, { mean: number }>>;
