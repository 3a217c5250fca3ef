/**
 * Per-window LEAR forecasts for the energy-loop bench, cached on disk: the loop's weekly decisions
 * choose among the same member forecasts, so they are computed once per window and day (the cost
 * of an honest daily recalibration) and replayed by every decision after that. Windows are
 * computed in parallel on the machine's cores, in chunks, each chunk cached as it finishes.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { WorkerPool } from '../src/host/worker-pool';
import { windowRangeJob } from './energy-members-job';

export interface CachedMembers {
  /** Window → `(to − from + 1) × 24` forecasts. */
  readonly byWindow: Map<number, Float64Array>;
  readonly computedSeconds: number;
}

const CHUNK_DAYS = 91;

function chunkPath(dir: string, file: string, window: number, from: number, to: number): string {
  const { size, mtimeMs } = statSync(file);
  return join(dir, `${basename(file)}-${size}-${Math.round(mtimeMs)}-w${window}-d${from}-${to}.f64`);
}

function readChunk(path: string): Float64Array {
  const bytes = readFileSync(path);
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Member forecasts of days `from..to` for every window, reading what an earlier run cached. */
export async function memberForecasts(file: string, from: number, to: number, windows: readonly number[], cacheDir = process.env.BENCH_ENERGY_CACHE ?? join(tmpdir(), 'statecraft-energy-loop')): Promise<CachedMembers> {
  mkdirSync(cacheDir, { recursive: true });
  const chunks = windows.flatMap((window) =>
    Array.from({ length: Math.ceil((to - from + 1) / CHUNK_DAYS) }, (_, k) => {
      const start = from + k * CHUNK_DAYS;
      const end = Math.min(to, start + CHUNK_DAYS - 1);
      return { window, start, end, path: chunkPath(cacheDir, file, window, start, end) };
    }),
  );
  const missing = chunks.filter((chunk) => !existsSync(chunk.path));
  const started = performance.now();
  if (missing.length > 0) {
    process.stderr.write(`forecasting ${missing.length} chunks of ≤ ${CHUNK_DAYS} days (windows ${[...new Set(missing.map((c) => c.window))].join('/')}), cached under ${cacheDir}\n`);
    const pool = new WorkerPool({ size: Number(process.env.BENCH_ENERGY_WORKERS ?? 2) });
    let done = 0;
    try {
      await Promise.all(
        missing.map(async (chunk) => {
          const forecasts = await pool.run(windowRangeJob, { file, window: chunk.window, from: chunk.start, to: chunk.end });
          writeFileSync(chunk.path, Buffer.from(forecasts.buffer, forecasts.byteOffset, forecasts.byteLength));
          process.stderr.write(`  ${++done}/${missing.length} chunks, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
        }),
      );
    } finally {
      await pool.close();
    }
  }
  const byWindow = new Map<number, Float64Array>();
  for (const window of windows) {
    const series = new Float64Array((to - from + 1) * 24);
    for (const chunk of chunks.filter((c) => c.window === window)) series.set(readChunk(chunk.path), (chunk.start - from) * 24);
    byWindow.set(window, series);
  }
  return { byWindow, computedSeconds: missing.length > 0 ? (performance.now() - started) / 1000 : 0 };
}
