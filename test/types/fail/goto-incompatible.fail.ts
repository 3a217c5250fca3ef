// Proves: a path can only jump to a declared state whose payload type it satisfies.
import { defineWorkflow, stateRef } from '../../../src/builder';
import { DatasetInput } from '../../builder/fixtures';

const cleanUp = stateRef<{ modelArn: string }>('CleanUp');

export const wf = defineWorkflow({ name: 'goto', input: DatasetInput }, (start) =>
  start
    .pass('Shape', { output: (s) => ({ k: s.input.k }) })
    // @expect-error: `{ k: number }` has no `modelArn`
    .goto(cleanUp),
);
