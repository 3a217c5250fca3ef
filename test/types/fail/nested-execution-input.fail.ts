// Proves: starting a nested workflow requires its input type.
import { Type } from '@sinclair/typebox';
import { defineWorkflow } from '../../../src/builder';
import { DatasetInput } from '../../builder/fixtures';

const child = defineWorkflow({ name: 'child', input: Type.Object({ n: Type.Number() }) }, (start) => start.succeed('Done'));

export const wf = defineWorkflow({ name: 'parent', input: DatasetInput }, (start) =>
  start
    // @expect-error: the child's input has `n`, not `count`
    .startExecution('Child', { workflow: child, arguments: () => ({ count: 2 }) })
    .end(),
);
