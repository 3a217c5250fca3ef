// Proves: a Choice condition compares values of the same type only.
import { defineWorkflow, eq } from '../../../src/builder';
import { DatasetInput } from '../../builder/fixtures';

export const wf = defineWorkflow({ name: 'condition-type', input: DatasetInput }, (start) =>
  start.choice('K?', (c) =>
    c
      // @expect-error: k is a number, 'five' a string
      .when((s) => eq(s.input.k, 'five'), (b) => b.succeed('Five'))
      .otherwise((b) => b.fail('Other')),
  ),
);
