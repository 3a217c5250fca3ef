// Proves: with an output schema, every path must end with that schema's type.
import { Type } from '@sinclair/typebox';
import { defineWorkflow } from '../../../src/builder';
import { DatasetInput } from '../../builder/fixtures';

export const wf = defineWorkflow(
  { name: 'output', input: DatasetInput, output: Type.Object({ modelVersion: Type.Integer() }) },
  // @expect-error: the path ends with the input, which has no `modelVersion`
  (start) => start.succeed('Done'),
);
