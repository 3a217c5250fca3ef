import { Type } from '@sinclair/typebox';
import { defineTask } from '../../../src/builder';
import { taskHandler } from '../../../src/services/task-handler';
import type { HandlerServices } from '../../../src/services/services';
import { fakeServices, MemoryObjects } from '../../workflows/kfold-cv/tasks/fake-services';
import { notRun } from '../../support/not-run';

type Adapter = typeof import('../../../src/services/aws/lambda-entry');

/** A fresh adapter per test: which services are installed is module state, as in a Lambda sandbox. */
function freshAdapter(): Adapter {
  let adapter: Adapter | undefined;
  jest.isolateModules(() => {
    adapter = require('../../../src/services/aws/lambda-entry') as Adapter;
  });
  return adapter!;
}

const Measure = defineTask({
  name: 'test-measure', access: {}, run: notRun,
  input: Type.Object({ key: Type.String() }),
  output: Type.Object({ length: Type.Integer() }),
});

const measure = taskHandler(Measure, async ({ key }, { objects }: HandlerServices) => ({ length: (await objects.getText({ bucket: 'data', key })).length }));

test('the handler runs with the installed services and the input as Lambda passes it', async () => {
  const adapter = freshAdapter();
  const objects = new MemoryObjects();
  await objects.putText({ bucket: 'data', key: 'a.csv' }, 'x,y\n');
  adapter.installServices(fakeServices(objects));
  await expect(adapter.lambdaHandler(measure)({ key: 'a.csv' }, {})).resolves.toEqual({ length: 4 });
});

test('an input that violates the task schema is rejected before the handler runs, naming the task', async () => {
  const adapter = freshAdapter();
  const run = jest.fn();
  adapter.installServices(fakeServices());
  await expect(adapter.lambdaHandler(taskHandler(Measure, run))({ key: 7 })).rejects.toThrow(/test-measure/);
  expect(run).not.toHaveBeenCalled();
});

test('an invocation before the host installed services is rejected, naming the task', async () => {
  const handler = freshAdapter().lambdaHandler(measure);
  await expect(handler({ key: 'a.csv' })).rejects.toThrow(/No services are installed for task test-measure/);
});
