// Proves: a task receives only the services its access declaration names; one it did not declare does not exist.
import { Type } from '@sinclair/typebox';
import { defineTask } from '../../../src/builder';

export const Reads = defineTask({
  name: 'reads-objects',
  input: Type.Object({ key: Type.String() }),
  output: Type.Object({ rows: Type.Integer() }),
  access: { objects: [{ bucket: 'data', prefix: 'in/', access: 'read' }] },
  run: async ({ key }, services) => {
    const text = await services.objects.getText({ bucket: 'data', key });
    // @expect-error: the task did not declare lake queries
    await services.lake.query('SELECT 1');
    return { rows: text.split('\n').length };
  },
});

export const Pure = defineTask({
  name: 'pure',
  input: Type.Object({}),
  output: Type.Object({}),
  access: {},
  run: async (_input, services) => {
    // @expect-error: a pure task has no object store
    await services.objects.listKeys('data', '');
    return {};
  },
});
