// Proves: a Distributed Map's child executions cannot read the parent's variables.
import { defineWorkflow } from '../../../src/builder';
import { DatasetInput } from '../../builder/fixtures';

export const wf = defineWorkflow({ name: 'dmap-vars', input: DatasetInput }, (start) =>
  start
    .pass('Remember', { assign: (s) => ({ k: s.input.k }) })
    .distributedMap('Each', {
      items: () => [1, 2, 3],
      // @expect-error: `k` belongs to the parent execution
      processor: (p) => p.pass('Inner', { output: (s) => ({ k: s.vars.k }) }).end(),
    })
    .end(),
);
