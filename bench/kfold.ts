/**
 * `npm run bench:kfold`: the kfold-cv workflow end to end on the local runtime against scikit-learn's
 * GridSearchCV on the same data, the same candidates and the same StratifiedKFold(k) folds, in one run.
 *
 * statecraft's time runs from StartExecution to the execution's end: Split, every TrainFold in the
 * worker pool, Aggregate, SelectBest, FitFinal, RegisterModel and the event, with the durable store
 * on disk. scikit-learn's runs from reading the CSV to the refitted best model, after Python started.
 * Rounds alternate the two so that load from other processes falls on both alike; the best round of
 * each is reported. Fold scores are compared, to show both did the same work.
 *
 * Env: BENCH_RUNS (rounds, default 3), BENCH_KFOLD_ROWS (default 5000).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createLocalRuntime, runWorkflow, type LocalRuntime } from '../src/host';
import type { KfoldOutput } from '../workflows/kfold-cv/schemas';
import { randomSearch, type Candidate } from '../workflows/kfold-cv/lib';
import { DATA_BUCKET } from '../workflows/data-bucket';
import { registry } from '../workflows/registry';
import { envNumber } from './env';
import { generateClassificationCsv } from './kfold-data';
import { findSklearnPython, runSklearn } from './kfold-sklearn';

interface BenchCase {
  name: string;
  csv: string;
  k: number;
}

const RUNS = envNumber('BENCH_RUNS', 3);
/** The comparison: scikit-learn on both cores of the reference machine. */
const SKLEARN_JOBS = 2;
const TARGET_RATIO = 1.2;
const ROWS = envNumber('BENCH_KFOLD_ROWS', 5000);
const CANDIDATES: Candidate[] = randomSearch({ C: { min: 0.1, max: 10 }, gamma: { min: 0.001, max: 0.1 }, kernels: ['linear', 'rbf'] }, 20, 42);

const CASES: BenchCase[] = [
  { name: 'Iris (150 × 4, 3 classes)', csv: readFileSync(join(__dirname, '../../shared/data/iris/iris.csv'), 'utf8'), k: 5 },
  { name: `generated (${ROWS} × 20, 2 classes)`, csv: generateClassificationCsv({ rows: ROWS, features: 20, classes: 2, seed: 1 }), k: 5 },
];

async function runStatecraft(runtime: LocalRuntime, key: string, k: number): Promise<{ seconds: number; scores: number[][] }> {
  const started = performance.now();
  const result = await runWorkflow(runtime, 'kfold-cv', {
    dataset: { bucket: DATA_BUCKET, key },
    k,
    folds: { shuffle: false },
    search: { method: 'list', candidates: CANDIDATES, budget: CANDIDATES.length, maxParallel: CANDIDATES.length },
    baselineScore: 0,
    modelName: 'bench',
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 'SUCCEEDED') throw new Error(`kfold-cv ${result.status}: ${result.error} ${result.cause}`);
  return { seconds, scores: (result.output as KfoldOutput).search.candidates.map((c) => c.foldScores) };
}

function maxDifference(a: number[][], b: number[][]): number {
  return Math.max(...a.flatMap((row, i) => row.map((value, j) => Math.abs(value - b[i][j]))));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-bench-kfold-'));
  const runtime = await createLocalRuntime({ registry, dataDir: dir });
  const sklearn = findSklearnPython();
  const candidatesPath = join(dir, 'candidates.json');
  writeFileSync(candidatesPath, JSON.stringify(CANDIDATES));
  console.log(`kfold-cv: ${CANDIDATES.length} candidates × k folds, stratified without shuffling; ${availableParallelism()} cores, ${RUNS} rounds, best round shown`);
  console.log(sklearn ? `scikit-learn ${sklearn.version} (${sklearn.python})` : 'scikit-learn: not found (tried python3 and /usr/bin/python3: `import sklearn` failed); statecraft only');
  try {
    for (const [index, benchCase] of CASES.entries()) {
      const key = `datasets/bench/kfold-${index}.csv`;
      const csvPath = join(dir, `case-${index}.csv`);
      writeFileSync(csvPath, benchCase.csv);
      await runtime.objects.putObject(DATA_BUCKET, key, Readable.from([Buffer.from(benchCase.csv)]));
      const ours: number[] = [];
      const theirs: Record<string, number[]> = { serial: [], parallel: [] };
      let difference = NaN;
      for (let round = 0; round < RUNS; round++) {
        const run = await runStatecraft(runtime, key, benchCase.k);
        ours.push(run.seconds);
        if (!sklearn) continue;
        const serial = runSklearn(sklearn.python, csvPath, candidatesPath, benchCase.k, 1);
        theirs.serial.push(serial.seconds);
        theirs.parallel.push(runSklearn(sklearn.python, csvPath, candidatesPath, benchCase.k, SKLEARN_JOBS).seconds);
        difference = maxDifference(run.scores, serial.scores);
      }
      report(benchCase, Math.min(...ours), sklearn && { serial: Math.min(...theirs.serial), parallel: Math.min(...theirs.parallel) }, difference);
    }
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(benchCase: BenchCase, ours: number, theirs: { serial: number; parallel: number } | undefined, difference: number): void {
  console.log(`\n${benchCase.name}, k = ${benchCase.k}`);
  console.log(`  statecraft kfold-cv (workflow, ${availableParallelism()} worker threads)  ${ours.toFixed(2)} s`);
  if (!theirs) return;
  console.log(`  scikit-learn GridSearchCV n_jobs=None (default)        ${theirs.serial.toFixed(2)} s   ratio ${(ours / theirs.serial).toFixed(2)}×`);
  console.log(`  scikit-learn GridSearchCV n_jobs=${SKLEARN_JOBS}                     ${theirs.parallel.toFixed(2)} s   ratio ${(ours / theirs.parallel).toFixed(2)}×${ours <= TARGET_RATIO * theirs.parallel ? ' ✓' : ''} (target ≤ ${TARGET_RATIO}×)`);
  console.log(`  largest fold-score difference                          ${difference.toExponential(1)}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
