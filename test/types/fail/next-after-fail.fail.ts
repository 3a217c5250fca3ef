// Proves: nothing can follow a Fail state.
import { defineWorkflow } from '../../../src/builder';
import { DatasetInput } from '../../builder/fixtures';

export const wf = defineWorkflow({ name: 'after-fail', input: DatasetInput }, (start) =>
  start
    .fail('Failed', { error: 'Nope' })
    // @expect-error: Fail is terminal
    .succeed('After'),
);
