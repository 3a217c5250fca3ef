// Proves: a variable assigned on one Choice path is not in scope on another.
import { defineWorkflow, gte } from '../../../src/builder';
import { DatasetInput } from '../../builder/fixtures';

export const wf = defineWorkflow({ name: 'var-branch', input: DatasetInput }, (start) =>
  start.choice('Big?', (c) =>
    c
      .when((s) => gte(s.input.k, 10), (b) => b.pass('Big', { assign: () => ({ big: true }) }).end())
      // @expect-error: `big` is only assigned on the other path
      .otherwise((b) => b.pass('Small', { output: (s) => ({ big: s.vars.big }) }).end()),
  ),
);
