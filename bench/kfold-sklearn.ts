/**
 * Runs bench/kfold-sklearn.py with a Python that has scikit-learn: `python3` on PATH may be a pyenv
 * shim without it, so the system interpreter is tried too.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface SklearnResult {
  seconds: number;
  scores: number[][];
  best: number;
}

const CANDIDATE_PYTHONS = ['python3', '/usr/bin/python3'];

/** The first interpreter that can `import sklearn`, with its version; undefined when none can. */
export function findSklearnPython(): { python: string; version: string } | undefined {
  for (const python of CANDIDATE_PYTHONS) {
    try {
      const version = execFileSync(python, ['-c', 'import sklearn; print(sklearn.__version__)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      return { python, version };
    } catch {
      // not installed here, or no scikit-learn: try the next one
    }
  }
  return undefined;
}

export function runSklearn(python: string, csvPath: string, candidatesPath: string, k: number, jobs: number): SklearnResult {
  const out = execFileSync(python, [join(__dirname, 'kfold-sklearn.py'), csvPath, candidatesPath, String(k), String(jobs)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as SklearnResult;
}
