// Proves: a Task must be given an argument matching its task's input schema (here `k` has the wrong type).
import { defineWorkflow } from '../../../src/builder';
import { DatasetInput, Split } from '../../builder/fixtures';

export const wf = defineWorkflow({ name: 'wrong-task-input', input: DatasetInput }, (start) =>
  start
    .task('Split', {
      task: Split,
      // @expect-error: k must be a number, not a string
      arguments: (s) => ({ bucket: s.input.dataset.bucket, key: s.input.dataset.key, k: s.input.dataset.key }),
    })
    .end(),
);
