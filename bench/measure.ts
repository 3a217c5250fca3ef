/**
 * Timing: one warm-up run (JIT, caches, SQLite pages), then several measured runs; the median
 * is reported because a single GC pause or disk flush should not decide a ratio.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Json } from '../src/asl/json';
import type { Engine } from './engines';
import type { Workload } from './workloads';

export interface Measurement {
  /** State transitions per second, median over the measured runs. */
  medianRate: number;
  bestRate: number;
  /** Output of the last execution, to check that the engines agree. */
  output: Json;
}

export async function measure(engine: Engine, workload: Workload, runs: number): Promise<Measurement> {
  let output = await runOnce(engine, workload);
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = process.hrtime.bigint();
    output = await runOnce(engine, workload);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push((workload.transitionsPerExecution * workload.executionsPerRun) / seconds);
  }
  rates.sort((a, b) => a - b);
  return { medianRate: rates[Math.floor(rates.length / 2)], bestRate: rates[rates.length - 1], output };
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
