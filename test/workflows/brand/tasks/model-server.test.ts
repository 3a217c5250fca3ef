/**
 * The local model server's life cycle, task by task: StartModel picks the version, DescribeModel
 * loads it (RUNNING) or records why it cannot (FAILED), DetectLogos refuses a server that is not
 * RUNNING, StopModel ends in STOPPED and may run twice.
 */
import type { ModelRegistryService, ModelVersion } from '../../../../src/services';
import { MODEL_FORMAT } from '../../../../workflows/brand/lib/detector';
import { DescribeModel, DetectLogos, StartModel, StopModel } from '../../../../workflows/brand/tasks';
import { fakeServices, runTask } from '../../kfold-cv/tasks/fake-services';

const BUCKET = 'statecraft-data';
const version = (v: number, status: ModelVersion['status'], key = 'runs/brand-training/x/model/model.json'): ModelVersion => ({
  modelName: 'shop',
  kind: 'logo-detector',
  artefact: { bucket: BUCKET, key },
  hyperparameters: {},
  metrics: {},
  executionArn: 'arn',
  version: v,
  status,
  createdAt: '2026-01-01T00:00:00Z',
});

function services(versions: ModelVersion[]) {
  const s = fakeServices();
  s.models = { list: async (name?: string) => versions.filter((v) => !name || v.modelName === name) } as ModelRegistryService;
  return s;
}

const video = { bucket: BUCKET, key: 'brand/analysis/shop/clip.mp4' };
const runPrefix = 'runs/brand-analysis/e1/';

test.each([
  ['no model given: the latest approved version of the project named by the key', null, [version(1, 'Approved'), version(2, 'Approved'), version(3, 'PendingManualApproval')], 2],
  ['a version given, approved or not', { name: 'shop', version: 3 }, [version(1, 'Approved'), version(3, 'PendingManualApproval')], 3],
  ['the latest approved version whatever its artefact format', null, [version(1, 'Approved'), { ...version(2, 'Approved'), kind: 'logo-detector/2' }, { ...version(3, 'Approved'), kind: 'svm' }], 2],
])('StartModel picks %s', async (_what, model, versions, expected) => {
  const output = await runTask(StartModel, { video, model, runPrefix }, services(versions));
  expect(output).toMatchObject({ modelName: 'shop', version: expected, status: 'STARTING', server: { bucket: BUCKET, key: `${runPrefix}model-server.json` } });
});

test.each([
  ['no approved version', video, null, [version(1, 'PendingManualApproval')], 'The model registry has no logo-detector shop with an approved version.'],
  ['a missing version', video, { name: 'shop', version: 9 }, [version(1, 'Approved')], 'The model registry has no logo-detector shop with version 9.'],
  ['no model and a key outside a project', { bucket: BUCKET, key: 'brand/analysis/clip.mp4' }, null, [], 'No model given, and brand/analysis/clip.mp4 is not under brand/analysis/<project>/ to name one.'],
])('StartModel fails with ModelNotFound on %s', async (_what, upload, model, versions, message) => {
  await expect(runTask(StartModel, { video: upload, model, runPrefix }, services(versions))).rejects.toMatchObject({ name: 'ModelNotFound', message });
});

test('STARTING → RUNNING → (detection allowed) → STOPPING → STOPPED, and a second stop is a no-op', async () => {
  const s = services([version(1, 'Approved')]);
  await s.objects.putText({ bucket: BUCKET, key: 'runs/brand-training/x/model/model.json' }, JSON.stringify({ format: MODEL_FORMAT, labels: ['A'], minInliers: 10, imageSide: 640, imageFeatures: 500, templates: [] }));
  const { server } = await runTask(StartModel, { video, model: null, runPrefix }, s);
  const detect = { server, framesPrefix: `${runPrefix}frames/`, fps: 25, every: 12, slice: { index: 0, startFrame: 0, frameCount: 12 }, runPrefix };
  await expect(runTask(DetectLogos, detect, s)).rejects.toMatchObject({ name: 'ResourceNotReadyException', message: 'The model shop version 1 is STARTING, not RUNNING.' });
  expect(await runTask(DescribeModel, { server }, s)).toEqual({ status: 'RUNNING' });
  expect(await runTask(DetectLogos, detect, s)).toEqual({ detections: { bucket: BUCKET, key: `${runPrefix}detections/slice-00000.json` }, frames: 0 });
  expect(await runTask(StopModel, { server }, s)).toEqual({ status: 'STOPPED' });
  expect(await runTask(StopModel, { server }, s)).toEqual({ status: 'STOPPED' });
  await expect(runTask(DetectLogos, detect, s)).rejects.toMatchObject({ name: 'ResourceNotReadyException' });
});

test('a model that cannot be read leaves the server FAILED with the reason', async () => {
  const s = services([version(1, 'Approved', 'runs/brand-training/x/missing.json')]);
  const { server } = await runTask(StartModel, { video, model: null, runPrefix }, s);
  const status = await runTask(DescribeModel, { server }, s);
  expect(status.status).toBe('FAILED');
  expect(status.statusMessage).toMatch(/^The model could not be loaded: /);
});
