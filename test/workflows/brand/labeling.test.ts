/**
 * WaitForLabels' token round trip (after a video's frames are extracted for labeling): the run opens a labeling job holding the task token and waits;
 * submitting a Ground Truth manifest with SendTaskSuccess resumes it; a job nobody answers times out
 * on its heartbeat, and a late answer does not revive it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { VirtualClock } from '../../../src/clock/clock';
import { createLocalRuntime, startWorkflow, waitForEnd, type LocalRuntime } from '../../../src/host';
import { toGroundTruthManifest } from '../../../workflows/brand/lib/annotations';
import { labelingJobKey, type LabelingJob } from '../../../workflows/brand/tasks';
import { LABELING_HEARTBEAT_SECONDS } from '../../../workflows/brand/training';
import { DATA_BUCKET } from '../../../workflows/data-bucket';
import { registry } from '../../../workflows/registry';
import { eventually } from '../../support/eventually';
import { clip, LOGO_NAMES, photo } from './fixture';

const dirs: string[] = [];
const runtimes: LocalRuntime[] = [];
async function open(clock?: VirtualClock): Promise<LocalRuntime> {
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-labeling-'));
  dirs.push(dir);
  const runtime = await createLocalRuntime({ registry, dataDir: dir, workers: 1, ...(clock && { clock }) });
  runtimes.push(runtime);
  return runtime;
}
afterAll(async () => {
  for (const runtime of runtimes) await runtime.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function upload(runtime: LocalRuntime, project: string): Promise<Array<{ image: string; box: [number, number, number, number]; label: string }>> {
  const uploaded = [];
  for (const [l, label] of LOGO_NAMES.entries()) {
    for (const [i, [left, top]] of ([[20, 30], [250, 200], [140, 90]] as Array<[number, number]>).entries()) {
      const { jpeg, box } = await photo(label, left, top, 20 * l + i);
      const image = `${label}-${i}.jpg`;
      await runtime.objects.putObject(DATA_BUCKET, `brand/training/${project}/${image}`, Readable.from([jpeg]));
      uploaded.push({ image, box: box!, label });
    }
  }
  return uploaded;
}

async function openedJob(runtime: LocalRuntime, executionArn: string): Promise<LabelingJob> {
  const key = labelingJobKey(executionArn.split(':').pop()!);
  return eventually(async () => {
    const keys = await runtime.services.objects.listKeys(DATA_BUCKET, key);
    return keys.length ? (JSON.parse(await runtime.services.objects.getText({ bucket: DATA_BUCKET, key })) as LabelingJob) : undefined;
  });
}

test('labels submitted with the task token resume the run, which trains and registers on them', async () => {
  const runtime = await open();
  const uploaded = await upload(runtime, 'people');
  // A 3-second clip at 10 fps sampled every 10th frame adds frames 0, 10 and 20 to the job.
  await runtime.objects.putObject(DATA_BUCKET, 'brand/training/people/clip.mov', Readable.from([clip([(await photo('Acme', 90, 90, 5)).jpeg], 3, 10)]));
  const executionArn = startWorkflow(runtime, 'brand-training', { project: 'people', labels: LOGO_NAMES, every: 10 });
  const job = await openedJob(runtime, executionArn);
  const manifest = JSON.parse(await runtime.services.objects.getText(job.manifest));
  const frames = manifest.images.map((i: { key: string }) => i.key).filter((key: string) => key.includes('/frames/'));
  expect(frames.map((key: string) => key.split('/').pop())).toEqual(['frame-00000000.jpg', 'frame-00000010.jpg', 'frame-00000020.jpg']);
  expect(manifest.images).toHaveLength(uploaded.length + 3);
  expect(job.labels).toEqual(LOGO_NAMES);
  // What the labeling page needs: the run to link to, the heartbeat to keep, where drafts and the submission go.
  expect(job).toMatchObject({
    status: 'InProgress',
    executionArn,
    heartbeatSeconds: LABELING_HEARTBEAT_SECONDS,
    draft: { bucket: DATA_BUCKET, key: `brand/labeling/drafts/${job.jobName}.json` },
    output: { bucket: DATA_BUCKET, key: `brand/labeling/output/${job.jobName}.manifest` },
  });

  // What the labeling page does on submit: writes the boxes as a Ground Truth manifest, sends the token back.
  const output = job.output;
  const boxes = uploaded.map(({ image, box: [x1, y1, x2, y2], label }) => ({ sourceRef: `s3://${DATA_BUCKET}/brand/training/people/${image}`, width: 480, height: 360, boxes: [{ label, left: x1, top: y1, width: x2 - x1, height: y2 - y1 }] }));
  await runtime.objects.putObject(DATA_BUCKET, output.key, Readable.from([Buffer.from(toGroundTruthManifest(boxes, LOGO_NAMES, job.jobName))]));
  runtime.engine.sendTaskHeartbeat({ taskToken: job.taskToken });
  runtime.engine.sendTaskSuccess({ taskToken: job.taskToken, output: JSON.stringify({ ...output, format: 'groundtruth' }) });

  const result = await waitForEnd(runtime.engine, executionArn);
  expect([result.status, result.error, result.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
  expect((result.output as { model: { modelName: string; version: number } }).model).toMatchObject({ modelName: 'people', version: 1 });
}, 120_000);

test('a labeling job nobody answers times out on its heartbeat, and a late answer does not revive it', async () => {
  const runtime = await open(new VirtualClock(Date.parse('2026-01-05T09:00:00Z')));
  await upload(runtime, 'idle');
  const executionArn = startWorkflow(runtime, 'brand-training', { project: 'idle' });
  const ended = waitForEnd(runtime.engine, executionArn);
  const result = await ended;
  const job = await openedJob(runtime, executionArn);
  expect([result.status, result.error]).toEqual(['FAILED', 'States.HeartbeatTimeout']);
  // A late answer changes nothing: the run stays failed.
  try {
    runtime.engine.sendTaskSuccess({ taskToken: job.taskToken, output: '{}' });
  } catch (err) {
    expect((err as Error).name).toBe('TaskTimedOut');
  }
  expect(runtime.engine.describeExecution({ executionArn })).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' });
}, 60_000);
