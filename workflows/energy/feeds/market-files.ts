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
 * day keeps its weekday: a historical file then feeds daily runs on the wall clock. @default no shift
 */
export const REPLAY_START_VARIABLE = 'STATECRAFT_ENERGY_REPLAY_START';

/** The benchmark's data sits in `shared/data/energy/` beside the repository. */
export const DEFAULT_MARKET_FILE = resolve(__dirname, '../../../../shared/data/energy/NP.csv');

export class MarketFiles {
  private readonly loaded = new Map<string, MarketData>();
  readonly files: ReadonlyMap<string, string>;

  constructor(
    paths: readonly string[],
    /** Served day = file day + this many days. @default 0 */
    readonly shiftDays = 0,
  ) {
    this.files = new Map(paths.map((path) => [marketOf(path), resolve(path)]));
  }

  /** From the environment variables, else the benchmark's NP.csv when it is there, unshifted. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): MarketFiles {
    const listed = (env[MARKET_FILES_VARIABLE] ?? '').split(',').map((path) => path.trim()).filter((path) => path !== '');
    const files = new MarketFiles(listed.length > 0 ? listed : existsSync(DEFAULT_MARKET_FILE) ? [DEFAULT_MARKET_FILE] : []);
    const start = env[REPLAY_START_VARIABLE];
    if (!start) return files;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new Error(`${REPLAY_START_VARIABLE} must be a day YYYY-MM-DD, not '${start}'.`);
    const first = [...files.files.keys()].map((market) => files.market(market)!.days[0]).sort()[0];
    return first ? new MarketFiles([...files.files.values()], weeksBetween(first, start) * 7) : files;
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
