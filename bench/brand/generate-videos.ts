/**
 * Generated brand videos with exact truth. Each video is a sequence of scenes (see `scenes.ts`):
 * a background photograph with logo crops the detector was not trained on moving across it, scaled,
 * some partly hidden by an opaque patch. Each scene is one ffmpeg run (overlays whose position is a
 * function of the frame number); the scenes are joined without re-encoding into one H.264 MP4.
 * Beside each video, `<video>.truth.json` holds the per-minute visibility in the analysis report's shape.
 *
 * Usage: node bin/run-ts.js bench/brand/generate-videos.ts --out DIR [--videos 1] [--minutes 10]
 *        [--fps 30] [--every 12] [--seed 1]
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { ffmpegPath } from '../../workflows/brand/lib/media';
import type { VisibilityReport } from '../../workflows/brand/schemas';
import { planScenes, truthReport, type LogoPlacement, type Scene } from './scenes';
import { backgrounds, flickrLogos, heldOutCrops, type LogoCrop } from './sources';

const run = promisify(execFile);
export const FRAME = { width: 640, height: 360 };
/** Scenes encoded at once. */
const PARALLEL = 2;

export interface VideoOptions {
  /** The MP4 to write; its truth goes to `<file>.truth.json`. */
  file: string;
  minutes: number;
  fps: number;
  /** The sampling the truth is computed for (brand-analysis's `every`). */
  every: number;
  seed: number;
}

export interface GeneratedVideo {
  file: string;
  truth: VisibilityReport;
  scenes: Scene[];
}

export interface Materials {
  crops: LogoCrop[];
  backgrounds: Buffer[];
}

export async function loadMaterials(): Promise<Materials> {
  const { train, test } = flickrLogos();
  return { crops: await heldOutCrops(test), backgrounds: await backgrounds([...test, ...train], 60, FRAME.width, FRAME.height) };
}

export async function generateVideo(options: VideoOptions, materials: Materials): Promise<GeneratedVideo> {
  const scenes = planScenes({ seconds: options.minutes * 60, fps: options.fps, seed: options.seed, logos: materials.crops, backgrounds: materials.backgrounds.length, frame: FRAME });
  const work = mkdtempSync(path.join(tmpdir(), 'brand-video-'));
  try {
    const parts = scenes.map((_, i) => path.join(work, `scene-${String(i).padStart(4, '0')}.mp4`));
    let next = 0;
    const encoder = async () => {
      while (next < scenes.length) {
        const i = next++;
        await encodeScene(scenes[i]!, materials, options.fps, work, parts[i]!);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, encoder));
    const list = path.join(work, 'scenes.txt');
    writeFileSync(list, parts.map((part) => `file '${part}'`).join('\n'));
    mkdirSync(path.dirname(options.file), { recursive: true });
    await run(ffmpegPath(), ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', '-movflags', '+faststart', options.file]);
    const truth = truthReport(scenes, options.fps, options.every, FRAME);
    writeFileSync(`${options.file}.truth.json`, JSON.stringify(truth, null, 2));
    return { file: options.file, truth, scenes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function encodeScene(scene: Scene, materials: Materials, fps: number, work: string, out: string): Promise<void> {
  const background = path.join(work, `${path.basename(out)}.bg.jpg`);
  writeFileSync(background, materials.backgrounds[scene.background]!);
  // Each picture is decoded once and repeated by the loop filter, with one timestamp per frame.
  const still = (input: number, label: string) => `[${input}:v]loop=loop=-1:size=1:start=0,setpts=N/${fps}/TB[${label}]`;
  const inputs = ['-i', background];
  const filters: string[] = [still(0, 'bg')];
  let last = 'bg';
  for (const [i, logo] of scene.logos.entries()) {
    const file = path.join(work, `${path.basename(out)}.logo${i}.png`);
    writeFileSync(file, await renderLogo(materials.crops[logo.logo]!, logo));
    inputs.push('-i', file);
    filters.push(still(i + 1, `logo${i}`));
    const span = Math.max(1, logo.lastFrame - logo.firstFrame);
    // The same straight line as positionAt(), so the truth's boxes are where the logo is drawn.
    const x = `round(${logo.from[0]}+(${logo.to[0] - logo.from[0]})*(n-${logo.firstFrame})/${span})`;
    const y = `round(${logo.from[1]}+(${logo.to[1] - logo.from[1]})*(n-${logo.firstFrame})/${span})`;
    filters.push(`[${last}][logo${i}]overlay=x='${x}':y='${y}':enable='between(n,${logo.firstFrame},${logo.lastFrame})'[v${i}]`);
    last = `v${i}`;
  }
  const graph = ['-filter_complex', `${filters.join(';')};[${last}]format=yuv420p[out]`, '-map', '[out]'];
  await run(ffmpegPath(), ['-v', 'error', '-y', ...inputs, ...graph, '-frames:v', String(scene.frames), '-r', String(fps), '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-g', String(2 * fps), out]);
}

/** The crop at its on-screen size, with an opaque patch over one edge when it is occluded. */
async function renderLogo(crop: LogoCrop, logo: LogoPlacement): Promise<Buffer> {
  const image = sharp(crop.png).resize(logo.width, logo.height, { fit: 'fill' });
  if (!logo.occluded) return image.png().toBuffer();
  const horizontal = logo.occludedEdge === 'left' || logo.occludedEdge === 'right';
  const w = horizontal ? Math.max(1, Math.round(logo.width * logo.occluded)) : logo.width;
  const h = horizontal ? logo.height : Math.max(1, Math.round(logo.height * logo.occluded));
  const left = logo.occludedEdge === 'right' ? logo.width - w : 0;
  const top = logo.occludedEdge === 'bottom' ? logo.height - h : 0;
  const shade = 60 + ((logo.logo * 37) % 120);
  const patch = await sharp({ create: { width: w, height: h, channels: 3, background: { r: shade, g: shade - 20, b: shade + 10 } } }).png().toBuffer();
  return image.composite([{ input: patch, left, top }]).png().toBuffer();
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' }, videos: { type: 'string', default: '1' }, minutes: { type: 'string', default: '10' }, fps: { type: 'string', default: '30' }, every: { type: 'string', default: '12' }, seed: { type: 'string', default: '1' } } });
  if (!values.out) throw new Error('usage: generate-videos.ts --out DIR [--videos 1] [--minutes 10] [--fps 30] [--every 12] [--seed 1]');
  const materials = await loadMaterials();
  console.log(`${materials.crops.length} held-out logo crops of ${new Set(materials.crops.map((c) => c.brand)).size} brands, ${materials.backgrounds.length} backgrounds`);
  for (let v = 0; v < Number(values.videos); v++) {
    const started = performance.now();
    const file = path.resolve(values.out, `brands-${Number(values.seed) + v}.mp4`);
    const video = await generateVideo({ file, minutes: Number(values.minutes), fps: Number(values.fps), every: Number(values.every), seed: Number(values.seed) + v }, materials);
    console.log(`${file}: ${video.scenes.length} scenes, ${Object.keys(video.truth.labels).length} brands, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

// Run as a script (bin/run-ts.js puts the entry in argv[1]), not when the bench imports it.
if (process.argv[1] === __filename) void main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
