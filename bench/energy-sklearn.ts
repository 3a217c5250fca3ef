/**
 * Runs bench/energy-sklearn.py (the scikit-learn LEAR reference) with single-threaded BLAS, so the
 * comparison is one core against one core.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface SklearnLearResult {
  /** Wall seconds per day, in the order asked. */
  seconds: number[];
  cpuSeconds: number[];
  /** day → window → 24 prices. */
  forecasts: Record<string, Record<string, number[]>>;
}

const SINGLE_THREAD = { OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1', BLIS_NUM_THREADS: '1' };

export function runSklearnLear(python: string, marketCsv: string, days: readonly string[], windows: readonly number[]): SklearnLearResult {
  const out = execFileSync(python, [join(__dirname, 'energy-sklearn.py'), marketCsv, days.join(','), windows.join(',')], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...SINGLE_THREAD },
  });
  return JSON.parse(out) as SklearnLearResult;
}
