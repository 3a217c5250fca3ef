// Proves: leaving out a required field of a task's input does not compile.
import { defineWorkflow } from '../../../src/builder';
import { DatasetInput, Split } from '../../builder/fixtures';

export const wf = defineWorkflow({ name: 'missing-field', input: DatasetInput }, (start) =>
  start
    .task('Split', {
      task: Split,
      // @expect-error: `k` is missing
      arguments: (s) => ({ bucket: s.input.dataset.bucket, key: s.input.dataset.key }),
    })
    .end(),
);
