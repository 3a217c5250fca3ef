// Proves: a variable assigned inside a Map processor is not in scope after the Map.
import { defineWorkflow } from '../../../src/builder';
import { DatasetInput } from '../../builder/fixtures';

export const wf = defineWorkflow({ name: 'var-scope', input: DatasetInput }, (start) =>
  start
    .map('Each', {
      items: () => [1, 2, 3],
      processor: (p) => p.pass('Inner', { assign: (s) => ({ inner: s.input }) }).end(),
    })
    // @expect-error: `inner` was assigned inside the processor only
    .pass('After', { output: (s) => ({ value: s.vars.inner }) })
    .end(),
);
