// Proves: a Catch can only continue at a declared state that accepts the error output (or its `output`).
import { defineWorkflow, stateRef } from '../../../src/builder';
import { DatasetInput, Split } from '../../builder/fixtures';

const stopModel = stateRef<{ modelArn: string }>('StopModel');

export const wf = defineWorkflow({ name: 'catch-target', input: DatasetInput }, (start) =>
  start
    .task('Split', {
      task: Split,
      arguments: (s) => ({ bucket: s.input.dataset.bucket, key: s.input.dataset.key, k: s.input.k }),
      // @expect-error: the error output `{ Error, Cause }` has no `modelArn`
      catch: (c) => [c.to(['States.ALL'], stopModel)],
    })
    .end(),
);
