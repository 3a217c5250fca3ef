/**
 * `npm run bench:brand-keyframes`: how the video path's key-frame rule (`every` K frames at the
 * latest, or when the thumbnail's mean absolute difference from the last key frame passes `cut`)
 * trades key frames for visibility error, on bench:brand's generated video against its truth.
 *
 * Every sampled frame is measured once, in this process: its head's candidates (what it would propose
 * as a key frame) and ORB's inliers and box for every brand (what verifying it finds, whichever key
 * frame proposed the brand; a brand's match does not depend on which others are verified). Each rule
 * is then replayed on those measurements as DetectLogos runs it (runs of 25 frames, each starting on
 * a key frame), so a sweep costs one pass of the full detector. K = 1 is the detector on every frame.
 * Printed: the distribution of frame-to-frame thumbnail differences (scene cuts stand apart), then per
 * rule the share of key frames, the average visibility error and the brands found; then, for the
 * video path's rule, the same when the frames between verify every brand the key frame proposed or
 * only those ORB matched on it (and how many frames between then verify nothing).
 *
 * Usage: npm run bench:brand-keyframes -- --model FILE [--minutes 2] [--every 12]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backboneFeatures, backboneInputFromRgb } from '../workflows/brand/lib/detector/backbone';
import { decodeFrame, meanAbsoluteDifference, type Thumbnail } from '../workflows/brand/lib/detector/frame';
import { candidateScorer, ORB, reported, windowBox, type Proposals, type Scored } from '../workflows/brand/lib/detector/fused';
import { KEY_FRAME_RULE, KeyFrameChooser } from '../workflows/brand/lib/detector/key-frames';
import type { FusedLogoModel } from '../workflows/brand/lib/detector/model';
import { boundingBox, FLOOR } from '../workflows/brand/lib/detector/orb-detector';
import { matchTemplates, orbFeatures } from '../workflows/brand/lib/detector/orb';
import { parseTemplate } from '../workflows/brand/lib/detector/model';
import { extractFrames, probeMedia } from '../workflows/brand/lib/media';
import { visibility } from '../workflows/brand/lib/visibility';
import type { FrameDetections, VisibilityReport } from '../workflows/brand/schemas';
import { argOption, benchVideoFile, BENCH_BRAND_DIR, BENCH_FPS, fusedModelOption } from './brand/bench-video';
import { visibilityError } from './brand/scenes';

const RUN = 25;

interface Measured {
  frameNumber: number;
  thumbnail: Thumbnail;
  proposals: Proposals;
  /** Per brand: ORB's inliers and box on this frame (brands without a verified match are absent). */
  matches: Record<string, { inliers: number; box: Scored['box'] }>;
  /** The grayscale frame's size, for window boxes. */
}

async function measure(model: FusedLogoModel, videoFile: string, minutes: number, every: number): Promise<Measured[]> {
  // Its replay fuses head and inliers only; a model with the zoomed second look would be misread.
  if (model.zoom) throw new TypeError(`bench:brand-keyframes replays models of format 2, not ${model.format} (the zoomed second look).`);
  const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-brand-keyframes-'));
  try {
    const frames = await extractFrames(videoFile, dir, { startFrame: 0, frameCount: minutes * 60 * BENCH_FPS, every, fps: BENCH_FPS, maxWidth: 1280 }, 'bench video');
    const scorer = candidateScorer(model, () => Promise.reject(new Error('unused')), model.candidates);
    const templates = model.orb.templates.map(parseTemplate);
    const out: Measured[] = [];
    const started = performance.now();
    for (const [i, { frameNumber, file }] of frames.entries()) {
      const frame = await decodeFrame(new Uint8Array(readFileSync(file)), ORB.imageSide);
      const proposals = await scorer.propose(await backboneFeatures(await backboneInputFromRgb(frame.rgb, frame.width, frame.height)));
      const found = await matchTemplates(await orbFeatures(frame.gray, ORB.imageFeatures), templates, FLOOR);
      const matches = Object.fromEntries(found.map((m) => [m.label, { inliers: m.inliers, box: boundingBox(m.corners, frame.gray.width, frame.gray.height) }]));
      out.push({ frameNumber, thumbnail: frame.thumbnail, proposals, matches });
      if ((i + 1) % 50 === 0) process.stderr.write(`measured ${i + 1}/${frames.length} frames, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A rule replayed as DetectLogos runs it: detections per frame, the number of key frames, and of the
 * frames between, how many verify no brand at all. `sweep` is the video path's option of that name:
 * every sweep-th frame after a key frame verifies every brand it proposed, the others only those
 * matched on it or a sweep since (1: every proposed brand on every frame).
 */
function replay(model: FusedLogoModel, measured: readonly Measured[], every: number, cut: number, sweep = 1): { frames: FrameDetections[]; keys: number; idle: number } {
  const frames: FrameDetections[] = [];
  let keys = 0;
  let idle = 0;
  for (let start = 0; start < measured.length; start += RUN) {
    const chooser = new KeyFrameChooser({ every, cut });
    let proposals: Proposals | undefined;
    let matched = new Set<string>();
    let sinceKey = 0;
    for (const m of measured.slice(start, start + RUN)) {
      if (chooser.next(m.thumbnail)) {
        proposals = m.proposals;
        matched = new Set();
        sinceKey = 0;
        keys++;
      } else sinceKey++;
      const all = sinceKey % sweep === 0;
      if (all) for (const t of proposals!.top) if (m.matches[t.label]) matched.add(t.label);
      const verified = (label: string) => all || matched.has(label);
      if (!proposals!.top.some((t) => verified(t.label))) idle++;
      const scored = proposals!.top.map((t) => {
        const match = verified(t.label) ? m.matches[t.label] : undefined;
        const box = match?.box ?? windowBox(t.window, proposals!.grid);
        return { label: t.label, head: t.head, inliers: match?.inliers ?? 0, box };
      });
      frames.push({ frameNumber: m.frameNumber, timestampMillis: Math.round((m.frameNumber / BENCH_FPS) * 1e6) / 1e3, labels: reported(model.fusion, scored) });
    }
  }
  return { frames, keys, idle };
}

async function main(): Promise<void> {
  const { file: modelFile, model } = fusedModelOption();
  const minutes = Number(argOption('minutes') ?? 2);
  const every = Number(argOption('every') ?? 12);
  const videoFile = benchVideoFile({ minutes, every, seed: 1 });
  if (!existsSync(videoFile)) throw new Error(`Run npm run bench:brand -- --minutes ${minutes} first: it generates ${videoFile}`);
  const truth = JSON.parse(readFileSync(`${videoFile}.truth.json`, 'utf8')) as VisibilityReport;
  const cache = path.join(BENCH_BRAND_DIR, `keyframes-${path.basename(modelFile)}-${minutes}min-every${every}.json`);
  let measured: Measured[];
  if (existsSync(cache)) {
    measured = (JSON.parse(readFileSync(cache, 'utf8')) as Measured[]).map((m) => ({ ...m, thumbnail: { ...m.thumbnail, data: Float32Array.from(Object.values(m.thumbnail.data) as number[]) } }));
  } else {
    measured = await measure(model, videoFile, minutes, every);
    writeFileSync(cache, JSON.stringify(measured.map((m) => ({ ...m, thumbnail: { ...m.thumbnail, data: [...m.thumbnail.data] } }))));
  }

  const steps = measured.slice(1).map((m, i) => meanAbsoluteDifference(m.thumbnail, measured[i]!.thumbnail)).sort((a, b) => a - b);
  const q = (p: number) => steps[Math.min(steps.length - 1, Math.floor(p * steps.length))]!.toFixed(1);
  console.log(`${measured.length} sampled frames; thumbnail difference from the previous frame, gray levels: median ${q(0.5)}, 90 % ${q(0.9)}, 95 % ${q(0.95)}, 99 % ${q(0.99)}`);
  console.log(`largest 20: ${steps.slice(-20).map((s) => s.toFixed(1)).join(' ')}`);

  // The Visibility task's duration (ffprobe's), so the windows and the error are bench:brand's.
  const duration = (await probeMedia(videoFile, 'bench video')).durationSeconds;
  console.log('\n every |  cut | key frames | avg error | brands found');
  const sweep: Array<[number, number]> = [[1, 0]];
  for (const k of [4, 8, 12, 16, 25]) for (const cut of [4, 5, 6, 7, 8, 10, 15, 30]) sweep.push([k, cut]);
  const row = (label: string, { frames, keys }: ReturnType<typeof replay>, extra: string) => {
    const errors = visibilityError(visibility('replay', frames, duration), truth);
    const values = Object.values(errors);
    const average = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
    const found = [...new Set(frames.flatMap((f) => f.labels.map((l) => l.name)))].sort();
    const shares = found.map((brand) => `${brand} ${(100 * frames.filter((f) => f.labels.some((l) => l.name === brand)).length / frames.length).toFixed(1)}%`);
    console.log(`${label} | ${`${((100 * keys) / measured.length).toFixed(1)} %`.padStart(10)} | ${extra}${average.toFixed(2).padStart(9)} | ${shares.join(', ')}`);
  };
  for (const [k, cut] of sweep) row(`${String(k).padStart(6)} | ${String(cut).padStart(4)}`, replay(model, measured, k, cut), '');

  // The frames between key frames under the video path's rule: every proposed brand verified on every sweep-th frame, else only the matched ones.
  console.log(`\nrule every ${KEY_FRAME_RULE.every}, cut ${KEY_FRAME_RULE.cut}; the frames between verify every proposed brand every sweep-th frame, the matched ones on the others:`);
  console.log('    sweep | key frames | frames between verifying nothing | avg error | brands found');
  for (const sweep of [1, 2, 4, 8, Infinity]) {
    const result = replay(model, measured, KEY_FRAME_RULE.every, KEY_FRAME_RULE.cut, sweep);
    const betweenFrames = measured.length - result.keys;
    row(String(sweep).padStart(9), result, `${`${result.idle} of ${betweenFrames}`.padStart(32)} |`);
  }
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
