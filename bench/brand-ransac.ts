/**
 * `npm run bench:brand-ransac`: what one RANSAC verification costs on DetectLogos's video path, and
 * whether our TypeScript RANSAC (`homography.ts`) agrees with OpenCV's. The video path runs on the
 * first consecutive sampled frames of the 2-minute bench video with OpenCV deciding and every brand
 * the key frame proposed verified on every frame (`sweep` 1, so the calls are the ones the detector
 * made before it verified fewer); every call is also given to our RANSAC, and the bench prints the calls
 * per frame, the milliseconds per call of each (OpenCV's with the copy into its matrices apart), and
 * how often the two agree: on whether a homography was found, on its inlier count, and on where the
 * matched points' bounding box lands (the corners' largest distance, in pixels).
 *
 * Usage: npm run bench:brand-ransac -- --model FILE [--frames 100] [--every 12]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ransacHomography, type HomographyFinder, type HomographyFit } from '../workflows/brand/lib/detector/homography';
import { openCv } from '../workflows/brand/lib/detector/opencv';
import { openCvHomography } from '../workflows/brand/lib/detector/orb';
import { loadFusedVideo } from '../workflows/brand/lib/detector/video';
import { extractFrames } from '../workflows/brand/lib/media/extract';
import { argOption, benchVideo, BENCH_FPS, fusedModelOption } from './brand/bench-video';

interface Call {
  pairs: number;
  openCv?: HomographyFit;
  ours?: HomographyFit;
  /** Largest distance between the two models' projections of the source points' bounding box corners, px. */
  shift: number;
}

function corners(src: Float64Array): Array<[number, number]> {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < src.length; i += 2) {
    [x0, x1] = [Math.min(x0, src[i]!), Math.max(x1, src[i]!)];
    [y0, y1] = [Math.min(y0, src[i + 1]!), Math.max(y1, src[i + 1]!)];
  }
  return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
}

function shift(src: Float64Array, a: Float64Array, b: Float64Array): number {
  const at = (m: Float64Array, x: number, y: number) => {
    const w = m[6]! * x + m[7]! * y + m[8]!;
    return [(m[0]! * x + m[1]! * y + m[2]!) / w, (m[3]! * x + m[4]! * y + m[5]!) / w];
  };
  return Math.max(...corners(src).map(([x, y]) => {
    const [p, q] = [at(a, x, y), at(b, x, y)];
    return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!);
  }));
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;
};

async function main(): Promise<void> {
  const { model } = fusedModelOption();
  const frames = Number(argOption('frames') ?? 100);
  const every = Number(argOption('every') ?? 12);
  const cv = await openCv();
  const theirs = openCvHomography(cv);
  const calls: Call[] = [];
  const time = { copy: 0, openCv: 0, ours: 0 };
  const recording: HomographyFinder = (src, dst) => {
    let started = performance.now();
    // The copy alone, as OpenCV's finder makes it, so its share of a call can be told apart.
    cv.matFromArray(src.length / 2, 1, cv.CV_32FC2, Array.from(src)).delete();
    cv.matFromArray(dst.length / 2, 1, cv.CV_32FC2, Array.from(dst)).delete();
    time.copy += performance.now() - started;
    started = performance.now();
    const a = theirs(src, dst);
    time.openCv += performance.now() - started;
    started = performance.now();
    const b = ransacHomography(src, dst);
    time.ours += performance.now() - started;
    calls.push({ pairs: src.length / 2, openCv: a, ours: b, shift: a && b ? shift(src, a.matrix, b.matrix) : NaN });
    return a;
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'statecraft-brand-ransac-'));
  try {
    const extracted = await extractFrames((await benchVideo({ minutes: 2, every, seed: 1 })).file, dir, { startFrame: 0, frameCount: frames * every, every, fps: BENCH_FPS, maxWidth: 1280 }, 'bench video');
    // Every proposed brand on every frame (sweep 1), as round 2's video path verified them: more calls to compare.
    const detector = loadFusedVideo(model, { homography: recording, sweep: 1 });
    for (let i = 0; i < extracted.length; i += 25) {
      await detector.detectFrames(extracted.slice(i, i + 25).map(({ file }) => new Uint8Array(readFileSync(file))));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  report(calls, time, frames);
}

function report(calls: readonly Call[], time: { copy: number; openCv: number; ours: number }, frames: number): void {
  const load = readFileSync('/proc/loadavg', 'utf8').trim().split(' ').slice(0, 3).join(' ');
  const n = calls.length;
  console.log(`${n} RANSAC calls on ${frames} frames (${(n / frames).toFixed(1)} per frame), ${quantile(calls.map((c) => c.pairs), 0.5)} pairs median (90 %: ${quantile(calls.map((c) => c.pairs), 0.9)}); load average ${load}`);
  console.log(`ms per call: OpenCV ${(time.openCv / n).toFixed(3)} (of which copying the points in ${(time.copy / n).toFixed(3)}), ours ${(time.ours / n).toFixed(3)}`);
  console.log(`ms per frame: OpenCV ${(time.openCv / frames).toFixed(1)}, ours ${(time.ours / frames).toFixed(1)}`);
  const both = calls.filter((c) => c.openCv && c.ours);
  const found = (c: Call) => `${c.openCv ? 'OpenCV' : '-'}/${c.ours ? 'ours' : '-'}`;
  const tally = new Map<string, number>();
  for (const c of calls) tally.set(found(c), (tally.get(found(c)) ?? 0) + 1);
  console.log(`homography found (OpenCV/ours): ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const diffs = both.map((c) => c.ours!.inliers - c.openCv!.inliers);
  const equal = diffs.filter((d) => d === 0).length;
  const within1 = diffs.filter((d) => Math.abs(d) <= 1).length;
  console.log(`inliers where both found one: equal ${equal} of ${both.length} (${((100 * equal) / both.length).toFixed(1)} %), within 1: ${((100 * within1) / both.length).toFixed(1)} %, ours − OpenCV: mean ${(diffs.reduce((a, b) => a + b, 0) / both.length).toFixed(3)}, min ${Math.min(...diffs)}, max ${Math.max(...diffs)}`);
  for (const floor of [8, 11, 15]) {
    const strong = both.filter((c) => c.openCv!.inliers >= floor);
    const same = strong.filter((c) => c.ours!.inliers === c.openCv!.inliers).length;
    console.log(`  OpenCV ≥ ${floor} inliers: ${strong.length} calls, ours equal on ${same}${strong.length ? `, ours ≥ ${floor} on ${strong.filter((c) => c.ours!.inliers >= floor).length}` : ''}; ours ≥ ${floor} where OpenCV is not: ${both.filter((c) => c.ours!.inliers >= floor && c.openCv!.inliers < floor).length}`);
  }
  const strongShift = both.filter((c) => c.openCv!.inliers >= 8).map((c) => c.shift);
  console.log(`corner shift (px) of the matched points' box where OpenCV has ≥ 8 inliers: median ${quantile(strongShift, 0.5).toFixed(3)}, 90 % ${quantile(strongShift, 0.9).toFixed(3)}, max ${Math.max(...strongShift).toFixed(3)}`);
}

void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
