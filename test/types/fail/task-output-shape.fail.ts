// Proves: a task's handler must return its output schema's type.
import { Type } from '@sinclair/typebox';
import { defineTask } from '../../../src/builder';

export const Counts = defineTask({
  name: 'counts',
  input: Type.Object({ text: Type.String() }),
  output: Type.Object({ words: Type.Integer() }),
  access: {},
  // @expect-error: `words` must be a number
  run: ({ text }) => ({ words: text }),
});
