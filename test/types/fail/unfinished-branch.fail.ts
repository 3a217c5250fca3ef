// Proves: a Map processor must end (Succeed, Fail, end() or goto()); an open path does not compile.
import { defineWorkflow } from '../../../src/builder';
import { DatasetInput } from '../../builder/fixtures';

export const wf = defineWorkflow({ name: 'open-branch', input: DatasetInput }, (start) =>
  start
    .map('Each', {
      items: () => [1, 2, 3],
      // @expect-error: the processor's path is left open
      processor: (p) => p.pass('Inner'),
    })
    .end(),
);
