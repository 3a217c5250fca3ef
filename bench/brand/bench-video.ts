/**
 * What the brand benches share: where they keep what they generate, the generated video's name (so one
 * bench finds the video another generated), and their command-line options.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FusedLogoModel } from '../../workflows/brand/lib/detector/model';
import type { VisibilityReport } from '../../workflows/brand/schemas';
import { generateVideo, loadMaterials } from './generate-videos';

export const BENCH_BRAND_DIR = path.join(tmpdir(), 'statecraft-bench-brand');
export const BENCH_FPS = 30;

export interface BenchVideoSpec {
  minutes: number;
  every: number;
  seed: number;
}

/** The generated video of these settings, whether or not it exists yet; its truth is beside it (`.truth.json`). */
export function benchVideoFile({ minutes, every, seed }: BenchVideoSpec): string {
  return path.join(BENCH_BRAND_DIR, `video-${minutes}min-${BENCH_FPS}fps-every${every}-seed${seed}.mp4`);
}

/** The video and its truth, generated first when missing. */
export async function benchVideo(spec: BenchVideoSpec, log: (line: string) => void = console.log): Promise<{ file: string; truth: VisibilityReport }> {
  const file = benchVideoFile(spec);
  const truthFile = `${file}.truth.json`;
  if (existsSync(file) && existsSync(truthFile)) return { file, truth: JSON.parse(readFileSync(truthFile, 'utf8')) as VisibilityReport };
  mkdirSync(BENCH_BRAND_DIR, { recursive: true });
  const started = performance.now();
  const generated = await generateVideo({ file, fps: BENCH_FPS, ...spec }, await loadMaterials());
  log(`generated ${file}: ${generated.scenes.length} scenes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { file, truth: generated.truth };
}

/** `--name VALUE` from the command line. */
export function argOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The fused model a bench measures: `--model FILE`, else BENCH_BRAND_MODEL. */
export function fusedModelOption(): { file: string; model: FusedLogoModel } {
  const file = argOption('model') ?? process.env.BENCH_BRAND_MODEL;
  if (!file) throw new Error('Name a fused model: --model FILE (or BENCH_BRAND_MODEL)');
  return { file, model: JSON.parse(readFileSync(file, 'utf8')) as FusedLogoModel };
}
