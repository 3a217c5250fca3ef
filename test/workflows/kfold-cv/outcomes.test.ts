/**
 * kfold-cv outcomes other than a plain score check: a registered model and its event, the
 * below-baseline result, random and TPE search within the budget, and bad datasets and inputs that
 * fail with a clear error and register nothing.
 */
import { SchemaValidationError } from '../../../src/schemas';
import { runWorkflow, startWorkflow } from '../../../src/host';
import type { KfoldOutput } from '../../../workflows/kfold-cv/schemas';
import { DATA_BUCKET } from '../../../workflows/data-bucket';
import { irisCsv, openKfoldFixture, type KfoldFixture } from './fixture';

let fixture: KfoldFixture;

beforeAll(async () => {
  fixture = await openKfoldFixture();
  await fixture.upload('datasets/kfold/iris.csv', irisCsv());
});
afterAll(() => fixture.close());

const iris = { bucket: DATA_BUCKET, key: 'datasets/kfold/iris.csv' };
const linear = { C: 1, kernel: 'linear', gamma: 'scale' } as const;

test('a model above the baseline is registered pending approval, with lineage, and ModelRegistered is emitted', async () => {
  const before = fixture.published.length;
  const result = await runWorkflow(fixture.runtime, 'kfold-cv', { dataset: iris, folds: { shuffle: false }, search: { method: 'list', candidates: [linear] }, modelName: 'iris-registered' });
  const output = result.output as Extract<KfoldOutput, { status: 'Registered' }>;
  expect(output.status).toBe('Registered');
  const stored = await fixture.runtime.services.models.get('iris-registered', 1);
  expect(stored).toEqual(output.model);
  expect(stored).toMatchObject({
    version: 1,
    status: 'PendingManualApproval',
    executionArn: result.executionArn,
    kind: 'svm',
    // gamma means nothing for a linear kernel, so the registry does not record it.
    hyperparameters: { C: 1, kernel: 'linear' },
    metrics: { foldScores: output.search.best.foldScores, meanScore: output.search.best.mean, stdScore: output.search.best.std },
    dataset: { location: iris, fingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
  });
  const report = JSON.parse(await fixture.runtime.services.objects.getText(output.search.report));
  expect(report).toMatchObject({ best: output.search.best, meetsBaseline: true, candidates: output.search.candidates });
  expect(output.search.report.key).toBe(`runs/kfold-cv/${result.executionArn.split(':').pop()}/report.json`);
  const artefact = JSON.parse(await fixture.runtime.services.objects.getText(stored.artefact));
  expect(artefact).toMatchObject({ format: 'libsvm', classes: ['setosa', 'versicolor', 'virginica'] });
  expect(fixture.published.slice(before)).toEqual([
    expect.objectContaining({
      Source: 'statecraft.kfold-cv',
      DetailType: 'ModelRegistered',
      Detail: { modelName: 'iris-registered', version: 1, status: 'PendingManualApproval', artefact: stored.artefact, hyperparameters: linear, meanScore: output.search.best.mean, executionArn: result.executionArn },
    }),
  ]);
});

test('a best mean below the baseline ends in Succeed with status BelowBaseline and registers nothing', async () => {
  const result = await runWorkflow(fixture.runtime, 'kfold-cv', {
    dataset: iris,
    folds: { shuffle: false },
    search: { method: 'list', candidates: [linear] },
    baselineScore: 0.99,
    modelName: 'iris-below',
  });
  expect(result.status).toBe('SUCCEEDED');
  expect(result.output).toMatchObject({ status: 'BelowBaseline', baselineScore: 0.99, best: { id: 0, mean: 0.9800000000000001 } });
  expect(await fixture.runtime.services.models.list('iris-below')).toEqual([]);
});

test.each(['random', 'tpe'] as const)('%s search evaluates exactly the budget in rounds of maxParallel, every candidate with its fold scores', async (method) => {
  const result = await runWorkflow(fixture.runtime, 'kfold-cv', { dataset: iris, k: 3, search: { method, budget: 10, maxParallel: 4 }, seed: 7, modelName: `iris-${method}` });
  const output = result.output as KfoldOutput;
  expect(output.search.method).toBe(method);
  expect(output.search.candidates.map((c) => c.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  output.search.candidates.forEach((c) => expect(c.foldScores).toHaveLength(3));
  const bestMean = Math.max(...output.search.candidates.map((c) => c.mean));
  expect(output.search.best.mean).toBe(bestMean);
  const rounds = history(result.executionArn).filter((e) => e.type === 'MapStateEntered' && e.stateEnteredEventDetails?.name === 'EvaluateCandidates');
  expect(rounds).toHaveLength(3);
});

const BAD_DATASETS = [
  { name: 'a non-numeric feature', csv: 'a,b,label\n1,2,x\n3,oops,y\n', error: 'NonNumericFeature', cause: 'column \\"b\\": \\"oops\\" is not a number' },
  { name: 'a missing label column', csv: 'a,b,c\n1,2,3\n', labelColumn: 'species', error: 'MissingLabelColumn', cause: 'Label column \\"species\\" is not in the dataset' },
  { name: 'fewer rows than k in a class', csv: 'a,label\n1,x\n2,x\n3,x\n4,x\n5,x\n6,y\n7,y\n', error: 'TooFewRows', cause: 'Class \\"y\\" has 2 row(s)' },
  { name: 'an empty file', csv: '', error: 'EmptyDataset', cause: 'The dataset file is empty.' },
];

test.each(BAD_DATASETS)('a CSV with $name fails the run with $error in the history and registers nothing', async (bad) => {
  const key = `datasets/kfold/bad-${bad.error}.csv`;
  await fixture.upload(key, bad.csv);
  const published = fixture.published.length;
  const result = await runWorkflow(fixture.runtime, 'kfold-cv', {
    dataset: { bucket: DATA_BUCKET, key },
    k: 3,
    ...(bad.labelColumn && { labelColumn: bad.labelColumn }),
    modelName: `bad-${bad.error}`,
  });
  expect(result).toMatchObject({ status: 'FAILED', error: bad.error });
  expect(result.cause).toContain(bad.cause);
  const failed = history(result.executionArn).find((e) => e.type === 'ExecutionFailed');
  expect(failed?.executionFailedEventDetails).toMatchObject({ error: bad.error });
  expect(await fixture.runtime.services.models.list(`bad-${bad.error}`)).toEqual([]);
  expect(fixture.published.length).toBe(published);
});

test('a missing dataset object fails with DatasetNotFound', async () => {
  const result = await runWorkflow(fixture.runtime, 'kfold-cv', { dataset: { bucket: DATA_BUCKET, key: 'datasets/kfold/nope.csv' } });
  expect(result).toMatchObject({ status: 'FAILED', error: 'DatasetNotFound' });
});

test('an input that fails the schema is refused at start, naming the field, and no execution starts', () => {
  const engine = fixture.runtime.engine;
  const count = () => engine.listExecutions({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:kfold-cv' }).executions?.length;
  const before = count();
  const start = () => startWorkflow(fixture.runtime, 'kfold-cv', { dataset: iris, k: 1, search: { method: 'grid' } });
  expect(start).toThrow(SchemaValidationError);
  expect(start).toThrow(/\/k/);
  expect(start).toThrow(/\/search\/method/);
  expect(count()).toBe(before);
});

test("'list' search without candidates fails Split with InvalidSearchSettings", async () => {
  const result = await runWorkflow(fixture.runtime, 'kfold-cv', { dataset: iris, search: { method: 'list' } });
  expect(result).toMatchObject({ status: 'FAILED', error: 'InvalidSearchSettings' });
});

function history(executionArn: string) {
  return fixture.runtime.engine.getExecutionHistory({ executionArn, maxResults: 1000 }).events ?? [];
}
