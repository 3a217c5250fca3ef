// Proves: reading a field the payload does not have is a compile error.
import { defineWorkflow } from '../../../src/builder';
import { DatasetInput } from '../../builder/fixtures';

export const wf = defineWorkflow({ name: 'wrong-field', input: DatasetInput }, (start) =>
  start
    // @expect-error: `bukket` is not a field of the dataset
    .pass('Normalize', { output: (s) => ({ bucket: s.input.dataset.bukket }) })
    .end(),
);
