/**
 * Small media the brand tests make themselves: textured "logos" drawn as SVG, pasted onto noise
 * backgrounds (ORB needs corners and texture, as real logos have), and short H.264 clips from them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ffmpegPath } from '../../../workflows/brand/lib/media';

const LOGOS: Record<string, string> = {
  Acme: '<rect width="120" height="80" fill="#fff"/><polygon points="10,70 40,10 70,70" fill="#000"/><circle cx="90" cy="30" r="18" fill="#000"/><rect x="78" y="55" width="30" height="12" fill="#000"/><text x="8" y="78" font-size="14" font-family="sans-serif" font-weight="bold">ACME</text>',
  Zeta: '<rect width="120" height="80" fill="#fff"/><rect x="8" y="8" width="30" height="30" fill="#000"/><rect x="44" y="20" width="14" height="50" fill="#000"/><polygon points="70,10 110,10 70,70 110,70" fill="none" stroke="#000" stroke-width="6"/><circle cx="22" cy="58" r="10" fill="#000"/>',
};

export const LOGO_NAMES = Object.keys(LOGOS);

export function logoPng(name: string): Promise<Buffer> {
  return sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80">${LOGOS[name]}</svg>`)).resize(180, 120).png().toBuffer();
}

/** A 480×360 JPEG of noise with the logo at (left, top), and its box. */
export async function photo(name: string | undefined, left: number, top: number, seed: number): Promise<{ jpeg: Buffer; box?: [number, number, number, number] }> {
  const noise = Buffer.alloc(480 * 360 * 3);
  let x = seed * 7919 + 1;
  for (let i = 0; i < noise.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    noise[i] = 90 + ((x >> 16) % 60);
  }
  const base = sharp(noise, { raw: { width: 480, height: 360, channels: 3 } }).blur(1.2);
  if (!name) return { jpeg: await base.jpeg({ quality: 92 }).toBuffer() };
  const jpeg = await base.composite([{ input: await logoPng(name), left, top }]).jpeg({ quality: 92 }).toBuffer();
  return { jpeg, box: [left, top, left + 180, top + 120] };
}

/** An H.264 MP4 showing `frames` (JPEGs) for `secondsEach` each at `fps`. */
export function clip(frames: Buffer[], secondsEach: number, fps: number): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'brand-clip-'));
  try {
    frames.forEach((jpeg, i) => writeFileSync(join(dir, `in-${i}.jpg`), jpeg));
    const inputs = frames.flatMap((_, i) => ['-loop', '1', '-framerate', String(fps), '-t', String(secondsEach), '-i', join(dir, `in-${i}.jpg`)]);
    const streams = frames.map((_, i) => `[${i}:v]`).join('');
    const filter = `${streams}concat=n=${frames.length}:v=1:a=0,format=yuv420p[v]`;
    execFileSync(ffmpegPath(), ['-v', 'error', ...inputs, '-filter_complex', filter, '-map', '[v]', '-r', String(fps), '-c:v', 'libx264', join(dir, 'out.mp4')]);
    return readFileSync(join(dir, 'out.mp4'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A test pattern video straight from ffmpeg. */
export function testPattern(seconds: number, fps: number): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'brand-pattern-'));
  try {
    execFileSync(ffmpegPath(), ['-v', 'error', '-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=320x240:rate=${fps}`, '-pix_fmt', 'yuv420p', join(dir, 'p.mp4')]);
    return readFileSync(join(dir, 'p.mp4'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
