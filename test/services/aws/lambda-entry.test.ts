/** A task's Lambda entry: services built once, the input validated, the task's declaration confining it. */
import { Type } from '@sinclair/typebox';
import { defineTask, defineWorkflow, defineWorkflowPackage } from '../../../src/builder';
import { lambdaEntry } from '../../../src/services/aws/lambda-entry';
import { fakeServices, MemoryObjects } from '../../workflows/kfold-cv/tasks/fake-services';

const ENV = { STATECRAFT_MODEL_REGISTRY_BUCKET: 'data', STATECRAFT_MODEL_REGISTRY_PREFIX: 'model-registry/' };

const run = jest.fn(async ({ key }: { key: string }, { objects }: { objects: MemoryObjects }) => ({ length: (await objects.getText({ bucket: 'data', key })).length }));

const Measure = defineTask({
  name: 'test-measure',
  input: Type.Object({ key: Type.String() }),
  output: Type.Object({ length: Type.Integer() }),
  access: { objects: [{ bucket: 'data', prefix: 'in/', access: 'read' }] },
  run: (input, services) => run(input, services as never),
});

const pkg = defineWorkflowPackage({
  module: __filename,
  workflows: [defineWorkflow({ name: 'measure', input: Type.Object({ key: Type.String() }) }, (start) => start.task('Measure', { task: Measure, arguments: (s) => ({ key: s.input.key }) }).end())],
});

beforeEach(() => run.mockClear());

test('the handler runs with the services and the input as Lambda passes it', async () => {
  const objects = new MemoryObjects();
  await objects.putText({ bucket: 'data', key: 'in/a.csv' }, 'x,y\n');
  await expect(lambdaEntry(pkg, 'test-measure', fakeServices(objects), ENV)({ key: 'in/a.csv' }, {})).resolves.toEqual({ length: 4 });
});

test('an input that violates the task schema is rejected before the handler runs, naming the task', async () => {
  await expect(lambdaEntry(pkg, 'test-measure', fakeServices(), ENV)({ key: 7 })).rejects.toThrow(/test-measure/);
  expect(run).not.toHaveBeenCalled();
});

test('the handler is confined to its declaration, as its IAM role confines it', async () => {
  await expect(lambdaEntry(pkg, 'test-measure', fakeServices(), ENV)({ key: 'elsewhere/a.csv' })).rejects.toMatchObject({ name: 'AccessDenied' });
});

test('a task the package does not have, or a missing environment, fails at cold start, naming it', () => {
  expect(() => lambdaEntry(pkg, 'nope', fakeServices(), ENV)).toThrow(/no task named "nope"/);
  expect(() => lambdaEntry(pkg, 'test-measure', fakeServices(), {})).toThrow(/STATECRAFT_MODEL_REGISTRY_BUCKET/);
});
