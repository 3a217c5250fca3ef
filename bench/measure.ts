/**
 * Timing: one warm-up run per engine (JIT, caches, SQLite pages), then several measured rounds.
 * Within a round every engine runs once, in turn, so that load from other processes on a shared
 * machine falls on all engines alike instead of on whichever happened to run during it.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Json } from '../src/asl/json';
import type { Engine } from './engines';
import type { Workload } from './workloads';

export type Statistic = 'best' | 'median';

export interface Measurement {
  /** State transitions per second, per measured round, ascending. */
  rates: number[];
  /** Output of the last execution, to check that the engines agree. */
  output: Json;
}

export async function measureInterleaved(engines: Engine[], workload: Workload, rounds: number): Promise<Measurement[]> {
  const results: Measurement[] = [];
  for (const engine of engines) results.push({ rates: [], output: await runOnce(engine, workload) });
  for (let r = 0; r < rounds; r++) {
    for (const [i, engine] of engines.entries()) {
      const started = process.hrtime.bigint();
      results[i].output = await runOnce(engine, workload);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      results[i].rates.push((workload.transitionsPerExecution * workload.executionsPerRun) / seconds);
    }
  }
  for (const m of results) m.rates.sort((a, b) => a - b);
  return results;
}

export function rate(m: Measurement | undefined, statistic: Statistic): number | undefined {
  return m && pick(m.rates, statistic);
}

/** Of rates sorted ascending: best is the least-disturbed round on a busy machine; median is the typical one. */
export function pick(ascendingRates: readonly number[], statistic: Statistic): number {
  return statistic === 'best' ? ascendingRates[ascendingRates.length - 1] : ascendingRates[Math.floor(ascendingRates.length / 2)];
}

async function runOnce(engine: Engine, workload: Workload): Promise<Json> {
  let output: Json = null;
  for (let e = 0; e < workload.executionsPerRun; e++) output = await engine.run(workload.definition, workload.input);
  return output;
}

/** The peer must compute what statecraft computes, or its rate measures something else. */
export function sameOutput(a: Json, b: Json): boolean {
  return isDeepStrictEqual(a, b);
}

export function percentile(sortedMs: number[], p: number): number {
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)];
}
