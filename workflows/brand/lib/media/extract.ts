/**
 * Every Nth frame of one slice of a video as JPEG files in a local directory. A slice starts on a
 * multiple of N, so frame numbers are global: `start + i × N`.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ffmpegPath } from './binaries';
import { MediaError } from './media-error';

const run = promisify(execFile);

export interface SliceSpec {
  /** First frame of the slice (a multiple of `every`). */
  startFrame: number;
  /** Frames the slice spans (sampled or not). */
  frameCount: number;
  every: number;
  fps: number;
  /** Frames wider than this are scaled down (boxes are reported as fractions, so nothing is lost). */
  maxWidth: number;
}

export interface ExtractedFrame {
  frameNumber: number;
  file: string;
}

export async function extractFrames(input: string, outDir: string, slice: SliceSpec, name: string): Promise<ExtractedFrame[]> {
  const wanted = Math.ceil(slice.frameCount / slice.every);
  // Seek half a frame early: frame `startFrame` is the first one decoded whatever the rounding.
  const seek = slice.startFrame > 0 ? ['-ss', ((slice.startFrame - 0.5) / slice.fps).toFixed(6)] : [];
  const args = [
    '-v', 'error', '-nostdin', ...seek, '-i', input,
    '-vf', `select='not(mod(n\\,${slice.every}))',scale='min(${slice.maxWidth}\\,iw)':-2`,
    '-vsync', 'vfr', '-frames:v', String(wanted), '-q:v', '3', join(outDir, 'frame-%06d.jpg'),
  ];
  try {
    await run(ffmpegPath(), args, { maxBuffer: 16 << 20 });
  } catch (err) {
    const detail = ((err as { stderr?: string }).stderr ?? (err as Error).message).trim().split('\n').pop();
    throw new MediaError('FrameExtractionFailed', `ffmpeg could not extract frames of ${name}: ${detail}`);
  }
  const files = (await readdir(outDir)).filter((f) => f.startsWith('frame-')).sort();
  return files.map((file, i) => ({ frameNumber: slice.startFrame + i * slice.every, file: join(outDir, file) }));
}

/** Slices of `framesPerSlice` frames (rounded to a multiple of `every`) covering the whole video. */
export function planSlices(frameCount: number, every: number, sampledPerSlice: number): Array<{ index: number; startFrame: number; frameCount: number }> {
  const span = every * sampledPerSlice;
  const slices = [];
  for (let start = 0, index = 0; start < frameCount; start += span, index++) slices.push({ index, startFrame: start, frameCount: Math.min(span, frameCount - start) });
  return slices;
}
