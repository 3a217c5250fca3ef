/** The compute pool: TypeScript jobs in worker threads (under jest too), errors, crashes, native code. */
import { type ScoreFoldJob, scoreFoldJob } from '../../workflows/kfold-cv/jobs';
import { crash, describeThread, fail, settleLater } from './pool-jobs';
import { stratifiedKFold } from '../../workflows/kfold-cv/lib/folds';
import { ComputeWorkerError } from '../../src/services/errors';
import { WorkerPool } from '../../src/host/worker-pool';
import { iris } from '../workflows/kfold-cv/lib/iris';

let pool: WorkerPool;

beforeEach(() => {
  pool = new WorkerPool({ size: 2 });
});
afterEach(() => pool.close());

test('runs a TypeScript job in a worker thread', async () => {
  const result = await pool.run(describeThread, 0);
  expect(result.threadId).not.toBe(0);
});

test('concurrent jobs are spread over every worker', async () => {
  const results = await Promise.all([1, 2, 3, 4].map(() => pool.run(describeThread, 100)));
  expect(new Set(results.map((r) => r.threadId)).size).toBe(2);
});

test("a job's error rejects with the error's name and message", async () => {
  await expect(pool.run(fail, 'no such fold')).rejects.toMatchObject({ name: 'RangeError', message: 'no such fold' });
});

test('a job that returns a promise replies with what it settles to, value or error', async () => {
  await expect(pool.run(settleLater, 21)).resolves.toBe(42);
  await expect(pool.run(settleLater, -1)).rejects.toMatchObject({ name: 'RangeError', message: 'negative' });
});

test('a worker that dies fails its job with the retryable ComputeWorkerError and is replaced', async () => {
  await expect(pool.run(crash, null)).rejects.toBeInstanceOf(ComputeWorkerError);
  const after = await Promise.all([1, 2].map(() => pool.run(describeThread, 0)));
  expect(after.every((r) => r.threadId > 0)).toBe(true);
});

test('a closed pool refuses work', async () => {
  await pool.close();
  await expect(pool.run(describeThread, 0)).rejects.toBeInstanceOf(ComputeWorkerError);
});

test('kfold jobs train with the libsvm addon in every worker, concurrently, as on the main thread', async () => {
  // Each worker thread loads its own instance of the addon; several train at once.
  const jobs: ScoreFoldJob[] = stratifiedKFold(iris.labels, 5).map((fold) => ({
    data: { features: iris.features, labels: iris.labels },
    fold,
    params: { C: 1, kernel: 'rbf', gamma: 'scale' },
    standardize: true,
  }));
  const inWorkers = await Promise.all(jobs.map((job) => pool.run(scoreFoldJob, job)));
  expect(inWorkers).toEqual(jobs.map(scoreFoldJob.run));
});
