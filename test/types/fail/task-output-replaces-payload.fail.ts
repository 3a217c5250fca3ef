// Proves: the state after a Task receives the task's output, not the Task's input.
import { defineWorkflow } from '../../../src/builder';
import { DatasetInput, Split } from '../../builder/fixtures';

export const wf = defineWorkflow({ name: 'task-output', input: DatasetInput }, (start) =>
  start
    .task('Split', { task: Split, arguments: (s) => ({ bucket: s.input.dataset.bucket, key: s.input.dataset.key, k: s.input.k }) })
    // @expect-error: `dataset` was the Task's input; its output has `folds` and `rows`
    .pass('Next', { output: (s) => ({ bucket: s.input.dataset.bucket }) })
    .end(),
);
