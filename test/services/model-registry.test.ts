/** The model registry over the object store: versions, lineage, approval and rejection. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ObjectStore } from '../../src/objects';
import type { ModelVersionRequest } from '../../src/services';
import { LocalObjectService } from '../../src/host/local-objects';
import { ObjectStoreModelRegistry } from '../../src/services/model-registry';

let dir: string;
let store: ObjectStore;
let registry: ObjectStoreModelRegistry;
const at = new Date('2026-01-02T03:04:05.000Z');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-models-'));
  store = await ObjectStore.open({ dataDir: dir });
  store.createBucket('models');
  registry = new ObjectStoreModelRegistry(new LocalObjectService(store), { bucket: 'models', prefix: 'model-registry/' }, { now: () => at });
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const request = (modelName: string, meanScore = 0.9): ModelVersionRequest => ({
  modelName,
  artefact: { bucket: 'data', key: `runs/kfold-cv/x/model/model.json` },
  kind: 'svm',
  hyperparameters: { C: 1, kernel: 'rbf', gamma: 'scale' },
  metrics: { foldScores: [meanScore, meanScore], meanScore, stdScore: 0 },
  dataset: { location: { bucket: 'data', key: 'datasets/kfold/iris.csv' }, fingerprint: `sha256:${'0'.repeat(64)}` },
  executionArn: 'arn:aws:states:us-east-1:000000000000:execution:kfold-cv:x',
});

test('registers numbered versions per model, pending manual approval', async () => {
  const [a, b, c] = await Promise.all([registry.register(request('iris')), registry.register(request('iris')), registry.register(request('wine'))]);
  expect([a.version, b.version, c.version]).toEqual([1, 2, 1]);
  expect(a).toMatchObject({ status: 'PendingManualApproval', createdAt: at.toISOString(), executionArn: request('iris').executionArn });
  expect(await registry.get('iris', 2)).toEqual(b);
  expect((await registry.list('iris')).map((v) => v.version)).toEqual([1, 2]);
  expect(await registry.list()).toHaveLength(3);
});

test('approve and reject decide a pending version once, with a reason', async () => {
  await registry.register(request('iris'));
  await registry.register(request('iris'));
  expect(await registry.approve('iris', 1, 'beats production')).toMatchObject({ status: 'Approved', statusReason: 'beats production', statusChangedAt: at.toISOString() });
  expect(await registry.reject('iris', 2)).toMatchObject({ status: 'Rejected' });
  expect((await registry.get('iris', 1)).status).toBe('Approved');
  await expect(registry.reject('iris', 1)).rejects.toMatchObject({ name: 'InvalidApprovalTransition' });
});

test.each([
  ['any version', undefined, 3],
  ['the newest approved', (v: { status: string }) => v.status === 'Approved', 2],
  ['one no version satisfies', (v: { status: string }) => v.status === 'Rejected', undefined],
])('latest: %s, read newest first', async (_what, accept, expected) => {
  for (let i = 0; i < 3; i++) await registry.register(request('iris'));
  await registry.register(request('wine'));
  await registry.approve('iris', 1);
  await registry.approve('iris', 2);
  expect((await registry.latest('iris', accept))?.version).toBe(expected);
  expect(await registry.latest('no-such-model')).toBeUndefined();
});

test('an unknown version is ModelVersionNotFound', async () => {
  await expect(registry.get('iris', 7)).rejects.toMatchObject({ name: 'ModelVersionNotFound', message: 'Model "iris" has no version 7.' });
  await expect(registry.approve('iris', 7)).rejects.toMatchObject({ name: 'ModelVersionNotFound' });
});
