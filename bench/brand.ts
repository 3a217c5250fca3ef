/**
 * `npm run bench:brand`: a generated 10-minute 30 fps video with known logos, analysed end to end
 * through brand-analysis in a local runtime (every 12th frame sampled), as an upload under
 * brand/analysis/ would be. Prints the end-to-end time, frames per second, the time of each stage,
 * and the visibility error per brand against the generator's exact truth.
 *
 * The model is trained with the detector library on the training side of brand-training's seeded
 * 80/20 split of FlickrLogos-27 (the video's logos come from the other side) and kept in the temp
 * directory under a hash of the detector's source, so it is retrained only when the detector changes.
 * The video is kept there too, by its settings.
 *
 * Env: BENCH_BRAND_MINUTES (default 10, or `--minutes N`), BENCH_BRAND_EVERY (default 12),
 * BENCH_BRAND_SEED (default 1), BENCH_BRAND_MODEL (a model JSON to use instead). The load average
 * is printed beside the figures (other work on the machine slows them), and the cores the run kept
 * busy (its CPU time over its wall time; the compute pool has one worker per core).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReadStream } from 'node:fs';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import type { Engine } from '../src/control/engine';
import { ProgressPrinter } from '../src/cli/progress';
import { createLocalRuntime, runWorkflow } from '../src/host';
import { train, type AnyLogoModel } from '../workflows/brand/lib/detector';
import { detectorKind } from '../workflows/brand/lib/detector/kind';
import type { VisibilityReport } from '../workflows/brand/schemas';
import { DATA_BUCKET } from '../workflows/data-bucket';
import { registry } from '../workflows/registry';
import { benchVideo, BENCH_BRAND_DIR, BENCH_FPS } from './brand/bench-video';
import { visibilityError } from './brand/scenes';
import { FLICKRLOGOS, flickrLogos } from './brand/sources';
import { envNumber } from './env';

const MINUTES = minutesOption() ?? envNumber('BENCH_BRAND_MINUTES', 10);
const EVERY = envNumber('BENCH_BRAND_EVERY', 12);
const SEED = envNumber('BENCH_BRAND_SEED', 1);
const DETECTOR_SOURCE = path.resolve(__dirname, '../workflows/brand/lib/detector');
const STAGES = ['ProbeVideo', 'StartModel', 'WaitForModel', 'ExtractFrames', 'DetectLogos', 'StopModel', 'Visibility', 'EmitBrandAnalysisCompleted'];

const seconds = (ms: number) => (ms / 1000).toFixed(1);

function minutesOption(): number | undefined {
  const i = process.argv.indexOf('--minutes');
  if (i < 0) return undefined;
  const minutes = Number(process.argv[i + 1]);
  if (!(minutes > 0)) throw new RangeError(`--minutes takes a positive number, not ${process.argv[i + 1]}`);
  return minutes;
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** The detector's identity: its source files. */
function detectorVersion(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(DETECTOR_SOURCE).sort()) hash.update(file).update(readFileSync(path.join(DETECTOR_SOURCE, file)));
  return hash.digest('hex').slice(0, 12);
}

async function model(version: string): Promise<AnyLogoModel> {
  if (process.env.BENCH_BRAND_MODEL) return JSON.parse(readFileSync(process.env.BENCH_BRAND_MODEL, 'utf8')) as AnyLogoModel;
  const file = path.join(BENCH_BRAND_DIR, `model-${version}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as AnyLogoModel;
  const { train: trainSide } = flickrLogos();
  const started = performance.now();
  const trained = await train(trainSide.map((i) => ({ name: i.image, image: readFileSync(path.join(FLICKRLOGOS, 'images', i.image)), boxes: i.boxes })));
  console.log(`trained the detector on ${trainSide.length} images in ${seconds(performance.now() - started)} s (kept in ${file})`);
  writeFileSync(file, JSON.stringify(trained));
  return trained;
}


/** Each top-level stage's time: from its first state entered to the next stage's. */
function stageTimes(events: ReadonlyArray<{ type?: string; timestamp?: Date; stateEnteredEventDetails?: { name?: string } }>, end: number): Array<[string, number]> {
  const starts: Array<[string, number]> = [];
  for (const event of events) {
    const name = event.stateEnteredEventDetails?.name;
    if (name && STAGES.includes(name) && !starts.some(([seen]) => seen === name)) starts.push([name, event.timestamp!.getTime()]);
  }
  return starts.map(([name, at], i) => [name, (starts[i + 1]?.[1] ?? end) - at]);
}

function allEvents(engine: Engine, executionArn: string): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = engine.getExecutionHistory({ executionArn, maxResults: 1000, nextToken });
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

async function main(): Promise<void> {
  mkdirSync(BENCH_BRAND_DIR, { recursive: true });
  const version = detectorVersion();
  const detector = await model(version);
  const { file, truth } = await benchVideo({ minutes: MINUTES, every: EVERY, seed: SEED });
  const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-bench-brand-run-'));
  // Progress on stderr (states entered, Map progress): a slow detector shows it is working.
  const progress = new ProgressPrinter((line) => process.stderr.write(`${line}\n`));
  const runtime = await createLocalRuntime({ registry, dataDir: dir, onHistoryEvent: progress.listener });
  try {
    // Where brand-training keeps its models: the analysis tasks may read only there.
    const artefact = { bucket: DATA_BUCKET, key: 'runs/brand-training/bench/model/model.json' };
    await runtime.services.objects.putText(artefact, JSON.stringify(detector), 'application/json');
    const registered = await runtime.services.models.register({ modelName: 'bench', kind: detectorKind(detector.format), artefact, hyperparameters: {}, metrics: {}, executionArn: 'bench' });
    const videoRef = { bucket: DATA_BUCKET, key: 'brand/analysis/bench/video.mp4' };
    await runtime.services.objects.put(videoRef, createReadStream(file));
    const loadBefore = loadAverage();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const result = await runWorkflow(runtime, 'brand-analysis', { video: videoRef, model: { name: 'bench', version: registered.version }, every: EVERY });
    const total = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    if (result.status !== 'SUCCEEDED') throw new Error(`brand-analysis ${result.status}: ${result.error} ${result.cause}`);
    const output = result.output as { report: { bucket: string; key: string } };
    const report = JSON.parse(await runtime.services.objects.getText(output.report)) as VisibilityReport;
    const events = allEvents(runtime.engine, result.executionArn);
    const end = events.length ? new Date(events[events.length - 1]!.timestamp!).getTime() : 0;

    console.log(`\nbrand-analysis on a ${MINUTES}-minute ${BENCH_FPS} fps video, every ${EVERY}th frame (detector ${detector.format}, source ${version})`);
    console.log(`end to end: ${seconds(total)} s (goal ≤ 120 s); ${report.sampledFrames} sampled frames, ${(report.sampledFrames / (total / 1000)).toFixed(2)} frames/s`);
    console.log(`cores busy: ${((cpu.user + cpu.system) / 1000 / total).toFixed(2)} (CPU time over wall time); load average before ${loadBefore}, after ${loadAverage()}`);
    for (const [stage, ms] of stageTimes(events.map((e) => ({ ...e, timestamp: new Date(e.timestamp!) })), end)) console.log(`  ${stage.padEnd(28)} ${seconds(ms).padStart(7)} s`);
    const errors = visibilityError(report, truth);
    const truthBrands = Object.keys(truth.labels);
    console.log(`\nvisibility error per brand (mean |measured − true| share over the ${truth.windows.length} one-minute windows, points):`);
    for (const [brand, error] of Object.entries(errors)) {
      const measured = report.labels[brand]?.share ?? 0;
      const actual = truth.labels[brand]?.share ?? 0;
      console.log(`  ${brand.padEnd(12)} ${error.toFixed(2).padStart(6)}   measured ${(100 * measured).toFixed(1).padStart(5)}%  true ${(100 * actual).toFixed(1).padStart(5)}%${truthBrands.includes(brand) ? '' : '  (not in the video)'}`);
    }
    const values = Object.values(errors);
    console.log(`average over ${values.length} brands: ${(values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)).toFixed(2)} points (goal ≤ 5)`);
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
