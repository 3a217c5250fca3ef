/**
 * `npm run bench:brand-profile`: where the fused detector's time goes, per frame and stage (decode,
 * backbone, head windows, ORB keypoints, matching, RANSAC), on the first sampled frames of the
 * generated bench video, in this process (one thread), through the detector a model server loads.
 * Frames are spread over the video (every `--stride`th sampled frame) so that scenes with logos and
 * without are both profiled. `--save FILE` keeps each frame's detections (brand, confidence, box);
 * `--compare FILE` checks them against a saved run, so a faster detector can be shown to decide the same.
 * `--photos N` profiles the first N held-out FlickrLogos-27 photos instead (more of them have logos).
 * `--video` runs DetectLogos's video path instead (key frames in full, ORB alone between them) on
 * consecutive sampled frames: use it with `--stride 1`; `--sweep N` sets its sweep (1: every proposed
 * brand verified on every frame) and `--opencv` verifies with OpenCV's RANSAC instead of ours, so the
 * video path before this round can be profiled beside it.
 *
 * Usage: npm run bench:brand-profile -- --model FILE [--frames 30] [--every 12] [--stride 10] [--photos N] [--video [--sweep N] [--opencv]] [--save FILE] [--compare FILE]
 * The video is bench:brand's 2-minute one (generated into the temp directory when missing).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Detection } from '../workflows/brand/lib/detector';
import { backboneFeatures, backboneInput, type FeatureSource } from '../workflows/brand/lib/detector/backbone';
import { loadFused } from '../workflows/brand/lib/detector/fused';
import { KEY_FRAME_RULE } from '../workflows/brand/lib/detector/key-frames';
import { openCv } from '../workflows/brand/lib/detector/opencv';
import { openCvHomography } from '../workflows/brand/lib/detector/orb';
import { loadFusedVideo, SWEEP } from '../workflows/brand/lib/detector/video';
import { DETECTION_STAGES, timed, type DetectionStage, type StageTimer } from '../workflows/brand/lib/detector/stages';
import { extractFrames } from '../workflows/brand/lib/media/extract';
import { argOption, benchVideo, BENCH_FPS, fusedModelOption } from './brand/bench-video';
import { FLICKRLOGOS, flickrLogos } from './brand/sources';


interface FrameResult {
  frame: number;
  /** What the model reports (confidence ≥ 50), as DetectLogos keeps it. */
  detections: Detection[];
}

/** The backbone's features with its decode and its network timed apart. */
const timedFeatures = (timer: StageTimer): FeatureSource => async (encoded) => {
  const input = await timed(timer, 'decode', () => backboneInput(encoded));
  return timed(timer, 'backbone', () => backboneFeatures(input));
};

function compare(now: readonly FrameResult[], saved: readonly FrameResult[]): void {
  let differing = 0;
  for (const [i, frame] of now.entries()) {
    const before = saved[i];
    if (JSON.stringify(before) === JSON.stringify(frame)) continue;
    differing++;
    console.log(`frame ${frame.frame} differs:\n  before ${JSON.stringify(before?.detections)}\n  now    ${JSON.stringify(frame.detections)}`);
  }
  console.log(differing ? `${differing} of ${now.length} frames differ from the saved run` : `all ${now.length} frames' detections (brand, confidence, box) equal the saved run's`);
}

async function main(): Promise<void> {
  const { model } = fusedModelOption();
  const frames = Number(argOption('frames') ?? 30);
  const every = Number(argOption('every') ?? 12);
  const stride = Number(argOption('stride') ?? 10);
  const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-brand-profile-'));
  try {
    const photos = Number(argOption('photos') ?? 0);
    const videoPath = process.argv.includes('--video');
    const extracted = photos
      ? flickrLogos().test.slice(0, photos).map((p, i) => ({ frameNumber: i, file: path.join(FLICKRLOGOS, 'images', p.image) }))
      : await extractFrames((await benchVideo({ minutes: 2, every, seed: 1 })).file, dir, { startFrame: 0, frameCount: frames * every * stride, every: every * stride, fps: BENCH_FPS, maxWidth: 1280 }, 'bench video');
    const totals = new Map<DetectionStage, number>(DETECTION_STAGES.map((s) => [s, 0]));
    const timer: StageTimer = (stage, ms) => totals.set(stage, totals.get(stage)! + ms);
    const detector = loadFused(model, timedFeatures(timer));
    // One frame first, untimed: loading the backbone and OpenCV is a model server's start, not detection.
    await detector.detect(new Uint8Array(readFileSync(extracted[0]!.file)));
    totals.forEach((_, stage) => totals.set(stage, 0));
    const results: FrameResult[] = [];
    let keys = 0;
    const started = performance.now();
    if (videoPath) {
      // As DetectLogos runs them: runs of 25 consecutive sampled frames, each starting on a key frame.
      const sweep = argOption('sweep');
      const frameDetector = loadFusedVideo(model, {
        ...(sweep ? { sweep: Number(sweep) } : {}),
        ...(process.argv.includes('--opencv') ? { homography: openCvHomography(await openCv()) } : {}),
      });
      for (let i = 0; i < extracted.length; i += 25) {
        const run = extracted.slice(i, i + 25);
        const found = await frameDetector.detectFrames(run.map(({ file }) => new Uint8Array(readFileSync(file))), timer);
        found.forEach((r, j) => results.push({ frame: run[j]!.frameNumber, detections: r.detections }));
        keys += found.filter((r) => r.key).length;
      }
    } else {
      for (const { frameNumber, file } of extracted) {
        const found = await detector.detect(new Uint8Array(readFileSync(file)), timer);
        results.push({ frame: frameNumber, detections: found.filter((d) => d.confidence >= 50) });
      }
    }
    const total = performance.now() - started;
    if (videoPath) console.log(`video path: ${keys} key frames of ${extracted.length} (rule: a key frame every ${KEY_FRAME_RULE.every} at the latest, or past a change of ${KEY_FRAME_RULE.cut} gray levels; sweep ${argOption('sweep') ?? SWEEP}; ${process.argv.includes('--opencv') ? "OpenCV's" : 'our'} RANSAC)`);
    const load = readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ');
    console.log(`${extracted.length} ${photos ? 'photos' : 'frames'}, ${model.candidates} candidates, ${model.orb.templates.length} templates; load average ${load}`);
    console.log('stage        ms per frame');
    for (const [stage, ms] of totals) console.log(`  ${stage.padEnd(11)} ${(ms / extracted.length).toFixed(1).padStart(8)}`);
    const other = total - [...totals.values()].reduce((a, b) => a + b, 0);
    console.log(`  ${'other'.padEnd(11)} ${(other / extracted.length).toFixed(1).padStart(8)}`);
    console.log(`  ${'total'.padEnd(11)} ${(total / extracted.length).toFixed(1).padStart(8)}   (${((1000 * extracted.length) / total).toFixed(2)} frames/s on one thread)`);
    const found = results.filter((r) => r.detections.length > 0).length;
    console.log(`${found} of ${results.length} frames with a detection`);
    const save = argOption('save');
    if (save) writeFileSync(save, JSON.stringify(results));
    const against = argOption('compare');
    if (against) compare(results, JSON.parse(readFileSync(against, 'utf8')) as FrameResult[]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
