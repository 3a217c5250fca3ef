// Proves: nothing can follow a Succeed state.
import { defineWorkflow } from '../../../src/builder';
import { DatasetInput } from '../../builder/fixtures';

export const wf = defineWorkflow({ name: 'after-succeed', input: DatasetInput }, (start) =>
  start
    .succeed('Done')
    // @expect-error: Succeed is terminal
    .pass('After'),
);
