import { seededRandom } from '../../../src/services';
import { shuffled } from './random';

/** One cross-validation split: row indexes, both ascending. */
export interface Fold {
  readonly train: readonly number[];
  readonly test: readonly number[];
}

/**
 * scikit-learn's `StratifiedKFold(n_splits=k, shuffle=False)` (1.2.1 `_make_test_folds`): classes are
 * taken in order of first appearance; how many rows of each class go to each fold comes from dealing
 * the class-sorted labels round-robin to the folds; each class then fills its folds in row order.
 */
export function stratifiedKFold(labels: readonly unknown[], k: number): Fold[] {
  return stratifiedFolds(labels, k, (foldsForClass) => foldsForClass);
}

/**
 * The same allocation with each class's fold assignments shuffled (as scikit-learn's `shuffle=True`
 * does), by a seeded mulberry32 rather than numpy's generator: reproducible, not numpy-identical.
 */
export function shuffledStratifiedKFold(labels: readonly unknown[], k: number, seed: number): Fold[] {
  const random = seededRandom(seed);
  return stratifiedFolds(labels, k, (foldsForClass) => shuffled(foldsForClass, random));
}

/** scikit-learn's `KFold(n_splits=k, shuffle=False)`: contiguous blocks, the first n % k one row larger. */
export function kFold(n: number, k: number): Fold[] {
  assertFoldCount(n, k);
  const folds: Fold[] = [];
  let start = 0;
  for (let fold = 0; fold < k; fold++) {
    const size = Math.floor(n / k) + (fold < n % k ? 1 : 0);
    folds.push(foldFromTestRange(n, start, start + size));
    start += size;
  }
  return folds;
}

function stratifiedFolds(
  labels: readonly unknown[],
  k: number,
  arrange: (foldsForClass: number[]) => number[],
): Fold[] {
  assertFoldCount(labels.length, k);
  const { encoded, classCount } = encodeByFirstAppearance(labels);
  const allocation = allocateClassesToFolds(encoded, classCount, k);
  const testFoldOf = new Array<number>(labels.length);
  for (let classIndex = 0; classIndex < classCount; classIndex++) {
    const foldsForClass = arrange(allocation.flatMap((perClass, fold) => Array<number>(perClass[classIndex]).fill(fold)));
    let next = 0;
    encoded.forEach((label, row) => {
      if (label === classIndex) testFoldOf[row] = foldsForClass[next++];
    });
  }
  return Array.from({ length: k }, (_, fold) => foldFromAssignment(testFoldOf, fold));
}

function encodeByFirstAppearance(labels: readonly unknown[]): { encoded: number[]; classCount: number } {
  const codes = new Map<unknown, number>();
  const encoded = labels.map((label) => {
    if (!codes.has(label)) codes.set(label, codes.size);
    return codes.get(label)!;
  });
  return { encoded, classCount: codes.size };
}

/** `allocation[fold][class]`: the class counts of `sorted(encoded)[fold::k]` (numpy's bincount). */
function allocateClassesToFolds(encoded: readonly number[], classCount: number, k: number): number[][] {
  const sorted = [...encoded].sort((a, b) => a - b);
  const allocation = Array.from({ length: k }, () => new Array<number>(classCount).fill(0));
  sorted.forEach((label, position) => allocation[position % k][label]++);
  return allocation;
}

function foldFromAssignment(testFoldOf: readonly number[], fold: number): Fold {
  const train: number[] = [];
  const test: number[] = [];
  testFoldOf.forEach((assigned, row) => (assigned === fold ? test : train).push(row));
  return { train, test };
}

function foldFromTestRange(n: number, start: number, end: number): Fold {
  const rows = Array.from({ length: n }, (_, row) => row);
  return { train: [...rows.slice(0, start), ...rows.slice(end)], test: rows.slice(start, end) };
}

function assertFoldCount(n: number, k: number): void {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k must be an integer of at least 2; got ${k}.`);
  if (k > n) throw new RangeError(`k=${k} folds need at least ${k} rows; got ${n}.`);
}
