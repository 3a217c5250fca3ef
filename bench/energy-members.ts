/**
 * Per-window LEAR forecasts for the energy-loop bench, cached on disk: the loop's weekly decisions
 * choose among the same member forecasts, so they are computed once per window and day (the cost
 * of an honest daily recalibration) and replayed by every decision after that.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { forecastWindows, type MarketData, prepareFeatureRows } from '../workflows/energy/lib';

export interface CachedMembers {
  /** Window → `(to − from + 1) × 24` forecasts. */
  readonly byWindow: Map<number, Float64Array>;
  readonly computedSeconds: number;
}

function cachePath(dir: string, file: string, window: number, from: number, to: number): string {
  const { size, mtimeMs } = statSync(file);
  return join(dir, `${basename(file)}-${size}-${Math.round(mtimeMs)}-w${window}-d${from}-${to}.f64`);
}

/** Member forecasts of days `from..to` for every window, reading what an earlier run cached. */
export function memberForecasts(market: MarketData, file: string, from: number, to: number, windows: readonly number[], cacheDir = process.env.BENCH_ENERGY_CACHE ?? join(tmpdir(), 'statecraft-energy-loop')): CachedMembers {
  mkdirSync(cacheDir, { recursive: true });
  const byWindow = new Map<number, Float64Array>();
  const missing: number[] = [];
  for (const w of windows) {
    const path = cachePath(cacheDir, file, w, from, to);
    if (existsSync(path)) {
      const bytes = readFileSync(path);
      byWindow.set(w, new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
    } else missing.push(w);
  }
  if (missing.length === 0) return { byWindow, computedSeconds: 0 };
  const started = performance.now();
  const rows = prepareFeatureRows(market);
  process.stderr.write(`forecasting windows ${missing.join('/')} for ${to - from + 1} days (cached under ${cacheDir})\n`);
  // One window at a time, so an interrupted run keeps every window it finished.
  for (const w of missing) {
    const forecasts = forecastWindows(rows, from, to, [w], (d) => {
      if ((d - from + 1) % 100 === 0) process.stderr.write(`  window ${w}: ${d - from + 1} days, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
    }).get(w) as Float64Array;
    writeFileSync(cachePath(cacheDir, file, w, from, to), Buffer.from(forecasts.buffer));
    byWindow.set(w, forecasts);
  }
  return { byWindow, computedSeconds: (performance.now() - started) / 1000 };
}
