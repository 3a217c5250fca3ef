// Proves: each state's input is the previous state's output, variables accumulate, and results of
// tasks, maps, parallels, callbacks and nested executions have the declared types.
import { Type } from '@sinclair/typebox';
import { defineWorkflow, eq, gte, jsonata, stateRef, type Flow, type ResultWriterOutput, type StartExecutionResult } from '../../../src/builder';
import { DatasetInput, Label, Split, TrainFold, ModelRegistered } from '../../builder/fixtures';
import type { Equal, Expect } from '../expect';

type PayloadOf<F> = F extends Flow<infer P, infer _V, infer _E> ? P : never;
type VarsOf<F> = F extends Flow<infer _P, infer V, infer _E> ? V : never;

export const child = defineWorkflow({ name: 'child', input: Type.Object({ n: Type.Number() }), output: Type.Object({ doubled: Type.Number() }) }, (start) =>
  start.pass('Double', { output: (s) => ({ doubled: jsonata<number>`${s.input.n} * 2` }) }).end(),
);

export const flow = defineWorkflow({ name: 'data-flow', input: DatasetInput }, (start) => {
  const normalized = start.pass('Normalize', {
    output: (s) => ({ bucket: s.input.dataset.bucket, key: s.input.dataset.key, k: s.input.k }),
    assign: (s) => ({ baseline: s.input.baselineScore }),
  });
  const split = normalized.task('Split', { task: Split, arguments: (s) => ({ bucket: s.input.bucket, key: s.input.key, k: s.input.k }) });
  const scored = split.map('TrainFolds', {
    items: (s) => s.input.folds,
    itemSelector: (s) => ({ trainKey: s.item.trainKey, testKey: s.item.testKey, index: s.index }),
    processor: (p) => p.task('TrainFold', { task: TrainFold, arguments: (s) => ({ trainKey: s.input.trainKey, testKey: s.input.testKey }) }).end(),
    output: (s) => ({ scores: s.result, baseline: s.vars.baseline }),
  });
  const both = scored.parallel('Both', {
    branches: [(b) => b.pass('Left', { output: () => ({ left: 1 }) }).end(), (b) => b.pass('Right', { output: () => 'right' }).end()],
  });
  const labelled = both.callback('WaitForLabels', {
    task: Label,
    arguments: (s) => ({ manifestKey: 'm.json', taskToken: s.context.Task.Token }),
    heartbeatSeconds: 3600,
  });
  const nested = labelled.startExecution('Nested', { workflow: child, arguments: () => ({ n: 2 }) });
  const started = nested.startExecution('Async', { workflow: child, arguments: () => ({ n: 3 }), sync: false });
  const emitted = started.emit('Announce', { event: ModelRegistered, detail: (s) => ({ modelVersion: 1, executionArn: s.input.ExecutionArn }) });
  const batched = emitted.distributedMap('Batches', {
    itemReader: {
      resource: 's3:getObject',
      arguments: () => ({ Bucket: 'b', Key: 'k.csv' }),
      readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
      item: Type.Object({ frame: Type.String() }),
    },
    itemBatcher: (s) => ({ maxItemsPerBatch: 10, batchInput: { arn: s.input.ExecutionArn } }),
    resultWriter: () => ({ arguments: { Bucket: 'b', Prefix: 'out' } }),
    processor: (p) => p.pass('Frames', { output: (s) => ({ count: s.input.Items.length === 0 ? 0 : 1, first: s.input.Items[0]!.frame, arn: s.input.BatchInput.arn }) }).end(),
  });

  type Checks = [
    Expect<Equal<PayloadOf<typeof normalized>, { bucket: string; key: string; k: number }>>,
    Expect<Equal<VarsOf<typeof normalized>, { baseline: number }>>,
    Expect<Equal<PayloadOf<typeof split>, { folds: { index: number; trainKey: string; testKey: string }[]; rows: number }>>,
    Expect<Equal<PayloadOf<typeof scored>, { scores: { score: number }[]; baseline: number }>>,
    Expect<Equal<PayloadOf<typeof both>, readonly [{ left: number }, string]>>,
    Expect<Equal<PayloadOf<typeof labelled>, { annotationsKey: string }>>,
    Expect<Equal<PayloadOf<typeof nested>, { doubled: number }>>,
    Expect<Equal<PayloadOf<typeof started>, StartExecutionResult>>,
    Expect<Equal<PayloadOf<typeof emitted>, StartExecutionResult>>,
    Expect<Equal<PayloadOf<typeof batched>, ResultWriterOutput>>,
  ];
  const checks: Checks | undefined = undefined;
  void checks;

  const loop = stateRef<ResultWriterOutput, { baseline: number }>('Poll');
  return batched
    .wait(loop, { seconds: 5 })
    .choice('Done?', (c) =>
      c
        .when((s) => eq(s.input.MapRunArn, 'x'), (b) => b.succeed('Finished', { output: (s) => ({ arn: s.input.MapRunArn, baseline: s.vars.baseline }) }))
        .when((s) => gte(s.vars.baseline, 0.5), (b) => b.goto(loop))
        .otherwise((b) => b.fail('Failed', { error: 'NotDone' })),
    );
});

type FlowOutput = typeof flow extends { __io?: { output: infer O } } ? O : never;
export type OutputIsTheSucceedOutput = Expect<Equal<FlowOutput, { arn: string; baseline: number }>>;
