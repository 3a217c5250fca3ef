/**
 * The market files a feed server replays: market name → file, read once on first use. A market is
 * named after its file (`NP.csv` → `NP`); any file of the benchmark's shape works, whatever its
 * column names or price levels.
 */
import { existsSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { readMarketData, type MarketData } from '../lib';

/** Comma-separated market files the local feed server replays. @default the benchmark's NP.csv beside the repository */
export const MARKET_FILES_VARIABLE = 'STATECRAFT_ENERGY_MARKET_FILES';

/**
 * Serve the files as if their first day were this one (`YYYY-MM-DD`), moved by whole weeks so every
 * day keeps its weekday. @default moved only once the clock has passed the files' end: see `Replay`
 */
export const REPLAY_START_VARIABLE = 'STATECRAFT_ENERGY_REPLAY_START';

/** The benchmark's data sits in `shared/data/energy/` beside the repository. */
export const DEFAULT_MARKET_FILE = resolve(__dirname, '../../../../shared/data/energy/NP.csv');

/**
 * How served days relate to the files' days (served day = file day + a shift of whole weeks):
 * - `unshifted`: as written;
 * - `{ startOn }`: the earliest file day is served on that day;
 * - `after-end`: unshifted while the clock is inside the files; a clock past their end (a historical
 *   file under `statecraft serve` on the wall clock) serves the day two years before the end of the
 *   longest-running file as today — for the benchmark's NP.csv the first day of its test period, with
 *   four years of history behind it and two years of daily runs ahead.
 * The shift is fixed at the first answer, so a server never changes it under a running ingestion.
 */
export type Replay = 'unshifted' | 'after-end' | { startOn: string };

/** Days kept ahead of today when a file past its end is replayed. */
const DAYS_AHEAD = 728;

export class MarketFiles {
  private readonly loaded = new Map<string, MarketData>();
  private shift: number | undefined;
  readonly files: ReadonlyMap<string, string>;

  constructor(
    paths: readonly string[],
    private readonly replay: Replay = 'unshifted',
  ) {
    this.files = new Map(paths.map((path) => [marketOf(path), resolve(path)]));
  }

  /** From the environment variables, else the benchmark's NP.csv when it is there; replayed after its end unless a start is set. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): MarketFiles {
    const listed = (env[MARKET_FILES_VARIABLE] ?? '').split(',').map((path) => path.trim()).filter((path) => path !== '');
    const paths = listed.length > 0 ? listed : existsSync(DEFAULT_MARKET_FILE) ? [DEFAULT_MARKET_FILE] : [];
    const start = env[REPLAY_START_VARIABLE];
    if (start !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new Error(`${REPLAY_START_VARIABLE} must be a day YYYY-MM-DD, not '${start}'.`);
    return new MarketFiles(paths, start ? { startOn: start } : 'after-end');
  }

  /** Served day = file day + this many days, fixed at the first call (see `Replay`). */
  shiftDays(now: Date): number {
    this.shift ??= this.shiftAt(now.toISOString().slice(0, 10));
    return this.shift;
  }

  private shiftAt(today: string): number {
    const spans = [...this.files.keys()].map((market) => this.market(market)!.days).filter((days) => days.length > 0);
    if (this.replay === 'unshifted' || spans.length === 0) return 0;
    if (this.replay !== 'after-end') return weeksBetween(spans.map((days) => days[0]!).sort()[0]!, this.replay.startOn) * 7;
    const last = spans.map((days) => days[days.length - 1]!).sort().at(-1)!;
    if (today <= last) return 0;
    const longest = spans.find((days) => days[days.length - 1] === last)!;
    return weeksBetween(longest[Math.max(0, longest.length - 1 - DAYS_AHEAD)]!, today) * 7;
  }

  /** The market's data, or undefined for a market no file is named for. */
  market(name: string): MarketData | undefined {
    const cached = this.loaded.get(name);
    if (cached) return cached;
    const file = this.files.get(name);
    if (!file) return undefined;
    const data = readMarketData(file);
    this.loaded.set(name, data);
    return data;
  }
}

function weeksBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * 86_400_000));
}

export function marketOf(path: string): string {
  return basename(path, extname(path));
}
