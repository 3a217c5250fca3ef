/** The `BENCH_*` knobs the benches share (see bench/README.md). */
import type { Statistic } from './measure';

/** A positive number from the environment; anything else falls back. */
export function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** BENCH_STAT: `best` unless `median` is asked for. */
export function envStatistic(): Statistic {
  return process.env.BENCH_STAT === 'median' ? 'median' : 'best';
}
