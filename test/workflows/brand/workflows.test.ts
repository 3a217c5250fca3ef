/**
 * Both brand workflows end to end through the local runtime, on a handful of generated photos and
 * a generated clip: training with imported annotations registers a model; analysis reports it; bad
 * files and a model that cannot start fail clearly, and the model server is always stopped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createLocalRuntime, runWorkflow, type LocalRuntime } from '../../../src/host';
import { DATA_BUCKET } from '../../../workflows/data-bucket';
import { registry } from '../../../workflows/registry';
import { clip, LOGO_NAMES, photo } from './fixture';

let dir: string;
let runtime: LocalRuntime;
const put = (key: string, body: Buffer | string) => runtime.objects.putObject(DATA_BUCKET, key, Readable.from([Buffer.from(body)]));
const read = async (key: string) => JSON.parse(await runtime.services.objects.getText({ bucket: DATA_BUCKET, key }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statecraft-brand-'));
  runtime = await createLocalRuntime({ registry, dataDir: dir, workers: 2 });
});
afterAll(async () => {
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

const POSITIONS: Array<[number, number]> = [[20, 30], [260, 200], [150, 100], [40, 220], [280, 20]];

test('brand-training imports annotations, trains, evaluates on the held-out fifth and registers a logo-detector', async () => {
  const lines: string[] = [];
  for (const [l, name] of LOGO_NAMES.entries()) {
    for (const [i, [left, top]] of POSITIONS.entries()) {
      const { jpeg, box } = await photo(name, left, top, 10 * l + i);
      await put(`brand/training/demo/${name}-${i}.jpg`, jpeg);
      // FlickrLogos-27 repeats a box once per cumulative subset.
      for (const subset of [1, 2, 3]) lines.push(`${name}-${i}.jpg ${name} ${subset} ${box!.join(' ')}`);
    }
  }
  lines.push('Acme-0.jpg Acme 1 50 50 50 50');
  await put('brand/training/demo/annotations.txt', lines.join('\n'));
  const result = await runWorkflow(runtime, 'brand-training', { project: 'demo', seed: 3 });
  expect([result.status, result.error, result.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
  const output = result.output as Output;
  expect(output.refused).toEqual([{ image: 'Acme-0.jpg', label: 'Acme', line: 31, reason: 'the box has no area (0×0 px)' }]);
  expect(output.model).toMatchObject({ modelName: 'demo', version: 1, kind: 'logo-detector/4', status: 'PendingManualApproval' });
  expect(output.model.hyperparameters).toMatchObject({ method: 'backbone-head+orb', format: 'statecraft-fused-logo-detector/4' });
  expect((await read(output.model.artefact.key)).format).toBe('statecraft-fused-logo-detector/4');
  expect(output.evaluation.images).toBe(2);
  expect(output.evaluation.accuracy).toBe(1);
  const train = await read(output.model.artefact.key.replace('model/model.json', 'dataset/train.json'));
  expect(train.images).toHaveLength(8);
  expect(train.images.every((i: { boxes: unknown[] }) => i.boxes.length === 1)).toBe(true);
}, 120_000);

test('brand-analysis reports per-minute visibility with the approved model and stops it', async () => {
  await runtime.services.models.approve('demo', 1);
  const frames = [(await photo('Acme', 60, 60, 99)).jpeg, (await photo(undefined, 0, 0, 98)).jpeg, (await photo('Zeta', 200, 150, 97)).jpeg];
  await put('brand/analysis/demo/clip.MP4', clip(frames, 2, 10));
  const result = await runWorkflow(runtime, 'brand-analysis', { video: { bucket: DATA_BUCKET, key: 'brand/analysis/demo/clip.MP4' }, every: 5 });
  expect([result.status, result.error, result.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
  const output = result.output as Output;
  const report = await read(output.report.key);
  expect(report.model).toBe('demo@1');
  expect(report.sampledFrames).toBe(12);
  expect(report.windows).toHaveLength(1);
  expect(report.labels.Acme.firstSeen).toBeLessThan(2);
  expect(report.labels.Zeta.firstSeen).toBeGreaterThanOrEqual(4);
  expect(report.labels.Acme.share).toBeGreaterThan(0.2);
  const server = await read(output.report.key.replace('report.json', 'model-server.json'));
  expect(server.status).toBe('STOPPED');
}, 120_000);

test.each([
  ['an unsupported extension', 'brand/analysis/demo/notes.txt', 'hello', 'UnsupportedFileType', /Not a video or image: brand\/analysis\/demo\/notes.txt/],
  ['a file ffprobe cannot read', 'brand/analysis/demo/broken.mov', 'not a movie at all', 'UnreadableMedia', /ffprobe cannot read s3:\/\/statecraft-data\/brand\/analysis\/demo\/broken.mov/],
])('brand-analysis refuses %s, leaving no frames behind', async (_what, key, body, error, cause) => {
  await put(key, body);
  const result = await runWorkflow(runtime, 'brand-analysis', { video: { bucket: DATA_BUCKET, key }, model: { name: 'demo' } });
  expect(result.status).toBe('FAILED');
  expect(result.error).toBe(error);
  expect(result.cause).toMatch(cause);
  const name = result.executionArn.split(':').pop();
  expect(await runtime.services.objects.listKeys(DATA_BUCKET, `runs/brand-analysis/${name}/`)).toEqual([]);
});

test('a model that cannot load fails the run through StopModel, which leaves it STOPPED', async () => {
  const broken = await runtime.services.models.register({ modelName: 'broken', kind: 'logo-detector', artefact: { bucket: DATA_BUCKET, key: 'brand/analysis/demo/notes.txt' }, hyperparameters: {}, metrics: {}, executionArn: 'test' });
  await put('brand/analysis/demo/still.png', await sharpPng());
  const result = await runWorkflow(runtime, 'brand-analysis', { video: { bucket: DATA_BUCKET, key: 'brand/analysis/demo/still.png' }, model: { name: 'broken', version: broken.version } });
  expect([result.status, result.error]).toEqual(['FAILED', 'ModelFailedToStart']);
  const name = result.executionArn.split(':').pop();
  expect((await read(`runs/brand-analysis/${name}/model-server.json`)).status).toBe('STOPPED');
});

async function sharpPng(): Promise<Buffer> {
  return (await import('sharp')).default({ create: { width: 64, height: 48, channels: 3, background: '#808080' } }).png().toBuffer();
}

// The outputs are checked field by field; their schemas are the workflows' own.
type Output = Record<string, any>;
