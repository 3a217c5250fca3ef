/** The in-process Lambda invoker answers as Lambda does: results, unhandled errors, unknown functions. */
import { StatesError } from '../../src/asl/errors';
import { HandlerLambdaInvoker } from '../../src/host';
import type { HandlerServices } from '../../src/services';
import { Aggregate } from '../../workflows/kfold-cv/tasks/aggregate';

const invoker = new HandlerLambdaInvoker([Aggregate], {} as HandlerServices, { bucket: 'models', prefix: 'model-registry/' }, { region: 'us-east-1', account: '000000000000' });
const options = { signal: new AbortController().signal, requestId: 'r-1' };
const candidate = { id: 0, params: { C: 1, kernel: 'linear', gamma: 'scale' } };

test('returns the handler result as the JSON payload', async () => {
  const response = await invoker.invoke('kfold-aggregate', { candidate, scores: [{ fold: 1, score: 1 }, { fold: 0, score: 0.5 }] }, options);
  expect(response.functionError).toBeUndefined();
  expect(JSON.parse(response.payload)).toEqual({ ...candidate, foldScores: [0.5, 1], mean: 0.75, std: 0.25 });
});

test('an input that fails the task schema is an Unhandled error naming the task and the field', async () => {
  const response = await invoker.invoke('kfold-aggregate', { candidate, scores: [{ fold: 0 }] }, options);
  expect(response.functionError).toBe('Unhandled');
  const body = JSON.parse(response.payload);
  expect(body.errorType).toBe('SchemaValidationError');
  expect(body.errorMessage).toContain('Input of task kfold-aggregate');
  expect(body.errorMessage).toContain('/scores/0/score');
});

test('an unknown function is Lambda.ResourceNotFoundException', async () => {
  await expect(invoker.invoke('nope', {}, options)).rejects.toMatchObject({ name: expect.any(String), error: 'Lambda.ResourceNotFoundException' });
  await expect(invoker.invoke('nope', {}, options)).rejects.toBeInstanceOf(StatesError);
});
