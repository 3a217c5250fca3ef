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

/** The benchmark's data sits in `shared/data/energy/` beside the repository. */
const DEFAULT_MARKET_FILE = resolve(__dirname, '../../../../shared/data/energy/NP.csv');

export class MarketFiles {
  private readonly loaded = new Map<string, MarketData>();
  readonly files: ReadonlyMap<string, string>;

  constructor(paths: readonly string[]) {
    this.files = new Map(paths.map((path) => [marketOf(path), resolve(path)]));
  }

  /** From the environment variable, else the benchmark's NP.csv when it is there. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): MarketFiles {
    const listed = (env[MARKET_FILES_VARIABLE] ?? '').split(',').map((path) => path.trim()).filter((path) => path !== '');
    return new MarketFiles(listed.length > 0 ? listed : existsSync(DEFAULT_MARKET_FILE) ? [DEFAULT_MARKET_FILE] : []);
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

export function marketOf(path: string): string {
  return basename(path, extname(path));
}
