/**
 * The brand functions as Lambda runs them. Each task's code asset is bundled into a directory
 * outside the repository (so Node cannot fall back on the repository's node_modules) and its
 * `index.js` is loaded in a child process with an empty NODE_PATH, which calls the handler against
 * an S3 endpoint: ffprobe and ffmpeg on a generated clip, then the fused detector trained on
 * generated photos (sharp, the backbone on onnxruntime-node, the head trained on TensorFlow.js's
 * WebAssembly, ORB in OpenCV.js) and
 * run on the extracted frames.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { directoryBytes, LAMBDA_UNZIPPED_CODE_LIMIT_BYTES } from '../../../infra/bundling/asset-size';
import { bundleTask } from '../../../infra/bundling/bundle-task';
import type { TaskDefinition } from '../../../src/builder';
import { brandPackage } from '../../../workflows/brand';
import { DATA_BUCKET } from '../../../workflows/data-bucket';
import { DetectLogos, ExtractFrames, ProbeVideo, TrainDetector } from '../../../workflows/brand/tasks';
import { startHarness, type Harness } from '../../api/s3/harness';
import { clip, LOGO_NAMES, photo } from '../../workflows/brand/fixture';
import { REPOSITORY_ROOT } from '../synth';

const BUCKET = DATA_BUCKET;
const VIDEO = 'brand/analysis/bundles/clip.mp4';
const FRAMES = 'runs/brand-analysis/bundles/frames/';
const run = promisify(execFile);

/** Loads the bundle as Lambda's Node runtime does (`index.handler`) and prints the result and peak memory. */
const RUNNER = `
const { handler } = require('./index.js');
handler(JSON.parse(process.env.TASK_EVENT)).then(
  (output) => process.stdout.write(JSON.stringify({ output, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) })),
  (error) => { process.stderr.write(String((error && error.stack) || error)); process.exitCode = 1; },
);`;

/** Whether Node, from the asset's directory, finds sharp's JavaScript (the bundle inlines it; nothing else may). */
const FINDS_SHARP = `try { require.resolve('sharp'); process.stdout.write('sharp: found'); } catch { process.stdout.write('sharp: missing'); }`;

let s3: Harness;
const assets = new Map<string, string>();
const peakMb = new Map<string, number>();

beforeAll(async () => {
  s3 = await startHarness();
  await s3.client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  for (const task of [ProbeVideo, ExtractFrames, TrainDetector, DetectLogos]) {
    assets.set(task.name, bundleTask(brandPackage, task.name, { repositoryRoot: REPOSITORY_ROOT, outDir: mkdtempSync(path.join(tmpdir(), `${task.name}-`)) }));
  }
}, 120_000);

afterAll(async () => {
  await s3?.close();
  for (const dir of assets.values()) rmSync(dir, { recursive: true, force: true });
  if (peakMb.size > 0) console.log(`peak memory of the bundled handlers on tiny inputs: ${[...peakMb].map(([task, mb]) => `${task} ${mb} MB`).join(', ')}`);
});

async function invoke<T>(task: TaskDefinition, event: unknown): Promise<T> {
  const dir = assets.get(task.name)!;
  const env = {
    PATH: process.env.PATH,
    NODE_PATH: '',
    TASK_EVENT: JSON.stringify(event),
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'AKIDLOCAL',
    AWS_SECRET_ACCESS_KEY: 'local-secret',
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    STATECRAFT_MODEL_REGISTRY_BUCKET: BUCKET,
    STATECRAFT_MODEL_REGISTRY_PREFIX: 'model-registry/',
  };
  try {
    const { stdout } = await run(process.execPath, ['-e', RUNNER], { cwd: dir, env, maxBuffer: 16 << 20 });
    const result = JSON.parse(stdout) as { output: T; peakMb: number };
    peakMb.set(task.name, result.peakMb);
    return result.output;
  } catch (error) {
    throw new Error(`${task.name}'s bundled handler failed: ${(error as { stderr?: string }).stderr ?? String(error)}`);
  }
}

const put = (key: string, body: Uint8Array | string) => s3.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));
const getText = async (key: string) => (await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString();
const keys = async (prefix: string) => ((await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))).Contents ?? []).map((o) => o.Key!);

test('the assets sit outside the repository, where Node cannot reach its packages', async () => {
  for (const dir of assets.values()) {
    expect(path.relative(REPOSITORY_ROOT, dir).startsWith('..')).toBe(true);
    const { stdout } = await run(process.execPath, ['-e', FINDS_SHARP], { cwd: dir, env: { PATH: process.env.PATH, NODE_PATH: '' } });
    expect(stdout).toBe('sharp: missing');
  }
});

describe('each function carries what it runs, readable and runnable by Lambda\'s user', () => {
  const SHARP = ['@img/sharp-linux-x64/package.json', '@img/sharp-linux-x64/index.cjs', '@img/sharp-linux-x64/lib', '@img/sharp-libvips-linux-x64/lib'];
  const DETECTOR = [
    '@vladmandic/human/models/centernet.json',
    '@vladmandic/human/models/centernet.bin',
    'onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node',
    'onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1',
    'onnxruntime-common/dist/cjs/index.js',
  ];
  const HEAD_TRAINING = ['@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'];
  const FFMPEG = '@ffmpeg-installer/linux-x64/ffmpeg';
  const FFPROBE = '@ffprobe-installer/linux-x64/ffprobe';
  const modules = (task: TaskDefinition, file: string) => path.join(assets.get(task.name)!, 'node_modules', file);

  test.each([
    [ProbeVideo, [...SHARP, FFPROBE], [FFMPEG, ...DETECTOR, ...HEAD_TRAINING]],
    [ExtractFrames, [...SHARP, FFMPEG], [FFPROBE, ...DETECTOR, ...HEAD_TRAINING]],
    [TrainDetector, [...SHARP, ...DETECTOR, ...HEAD_TRAINING], [FFMPEG, FFPROBE]],
    [DetectLogos, [...SHARP, ...DETECTOR], [FFMPEG, FFPROBE, ...HEAD_TRAINING]],
  ])('%#: the task\'s function', (task, carried, left) => {
    expect(carried.filter((file) => !existsSync(modules(task, file)))).toEqual([]);
    expect(left.filter((file) => existsSync(modules(task, file)))).toEqual([]);
  });

  test('executables are 755, everything else 644', () => {
    expect(statSync(modules(ProbeVideo, FFPROBE)).mode & 0o777).toBe(0o755);
    expect(statSync(modules(ExtractFrames, FFMPEG)).mode & 0o777).toBe(0o755);
    expect(statSync(modules(DetectLogos, DETECTOR[0]!)).mode & 0o777).toBe(0o644);
  });
});

interface Probed {
  info: { frameCount: number; fps: number };
  slices: Array<{ index: number; startFrame: number; frameCount: number }>;
}

describe('a clip through ProbeVideo, ExtractFrames, TrainDetector and DetectLogos', () => {
  const every = 2;
  let probed: Probed;
  let model: { bucket: string; key: string };

  beforeAll(async () => {
    // Two seconds of a logo at a place the training photos never show it, then two without one.
    const [withLogo, without] = await Promise.all([photo(LOGO_NAMES[0], 200, 40, 777), photo(undefined, 0, 0, 779)]);
    await put(VIDEO, clip([withLogo.jpeg, without.jpeg], 2, 4));
  });

  test('ProbeVideo runs ffprobe on the upload', async () => {
    probed = await invoke<Probed>(ProbeVideo, { video: { bucket: BUCKET, key: VIDEO }, every, framesPrefix: FRAMES });
    expect(probed.info).toMatchObject({ frameCount: 16, fps: 4 });
    expect(probed.slices.reduce((sum, s) => sum + s.frameCount, 0)).toBe(16);
  }, 60_000);

  test('ExtractFrames writes every 2nd frame as a JPEG with ffmpeg', async () => {
    for (const slice of probed.slices) {
      await invoke(ExtractFrames, { video: { bucket: BUCKET, key: VIDEO }, slice, every, fps: probed.info.fps, framesPrefix: FRAMES });
    }
    expect(await keys(FRAMES)).toHaveLength(8);
  }, 60_000);

  test('TrainDetector trains the fused detector on generated photos', async () => {
    const places: Array<[number, number]> = [[20, 30], [260, 200], [150, 100], [40, 220], [280, 20], [100, 160]];
    const images = [];
    for (const [l, name] of LOGO_NAMES.entries()) {
      for (const [i, [left, top]] of places.entries()) {
        const { jpeg } = await photo(name, left, top, 50 + 10 * l + i);
        await put(`brand/training/bundles/${name}-${i}.jpg`, jpeg);
        images.push({ key: `brand/training/bundles/${name}-${i}.jpg`, image: `${name}-${i}.jpg`, boxes: [{ label: name, left, top, width: 180, height: 120 }] });
      }
    }
    await put('runs/brand-training/bundles/dataset.json', JSON.stringify({ images }));
    const trained = await invoke<{ model: { bucket: string; key: string }; labels: string[] }>(TrainDetector, { train: { bucket: BUCKET, key: 'runs/brand-training/bundles/dataset.json' }, runPrefix: 'runs/brand-training/bundles/' });
    expect(trained.labels).toEqual([...LOGO_NAMES].sort());
    model = trained.model;
  }, 300_000);

  test('DetectLogos finds the logo in the frames that show it, and nothing in the others', async () => {
    const server = { bucket: BUCKET, key: 'runs/brand-analysis/bundles/model-server.json' };
    await put(server.key, JSON.stringify({ server, modelName: 'bundles', version: 1, artefact: model, status: 'RUNNING', updatedAt: new Date(0).toISOString() }));
    const found: Array<{ frameNumber: number; labels: Array<{ name: string; confidence: number }> }> = [];
    for (const slice of probed.slices) {
      const { detections } = await invoke<{ detections: { key: string } }>(DetectLogos, { server, framesPrefix: FRAMES, fps: probed.info.fps, every, slice, runPrefix: 'runs/brand-analysis/bundles/' });
      found.push(...JSON.parse(await getText(detections.key)));
    }
    expect(found.map((f) => [f.frameNumber, f.labels.map((l) => l.name)])).toEqual([
      [0, [LOGO_NAMES[0]]],
      [2, [LOGO_NAMES[0]]],
      [4, [LOGO_NAMES[0]]],
      [6, [LOGO_NAMES[0]]],
      [8, []],
      [10, []],
      [12, []],
      [14, []],
    ]);
  }, 120_000);
});

test('every brand function\'s code stays under Lambda\'s 250 MB unzipped', () => {
  const sizes = brandPackage.workflows.flatMap((workflow) => workflow.tasks()).filter((task, i, all) => all.indexOf(task) === i).map((task) => {
    const dir = bundleTask(brandPackage, task.name, { repositoryRoot: REPOSITORY_ROOT, outDir: mkdtempSync(path.join(tmpdir(), `${task.name}-`)) });
    try {
      return { task: task.name, bytes: directoryBytes(dir) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  console.log(`brand code assets, unzipped:\n${sizes.map(({ task, bytes }) => `  ${task.padEnd(28)} ${(bytes / 1024 / 1024).toFixed(1)} MB`).join('\n')}`);
  expect(sizes.filter(({ bytes }) => bytes > LAMBDA_UNZIPPED_CODE_LIMIT_BYTES)).toEqual([]);
}, 300_000);
