import { type Fold, kFold, shuffledStratifiedKFold, stratifiedKFold } from '../../../../workflows/kfold-cv/lib/folds';

function expectPartition(folds: Fold[], n: number): void {
  const tested = folds.flatMap((fold) => fold.test).sort((a, b) => a - b);
  expect(tested).toEqual(Array.from({ length: n }, (_, i) => i));
  for (const fold of folds) {
    expect([...fold.train, ...fold.test].sort((a, b) => a - b)).toEqual(tested);
  }
}

describe('stratifiedKFold', () => {
  it("deals class counts round-robin over the class-sorted labels, as scikit-learn's _make_test_folds", () => {
    // Classes by first appearance: b (3 rows), a (4 rows). Sorted labels b b b a a a a dealt to 3 folds:
    // fold 0 gets b,a,a; fold 1 b,a; fold 2 b,a — so class a fills its folds as 0,0,1,2 in row order.
    const folds = stratifiedKFold(['b', 'a', 'b', 'a', 'a', 'b', 'a'], 3);
    expect(folds.map((fold) => fold.test)).toEqual([
      [0, 1, 3],
      [2, 4],
      [5, 6],
    ]);
    expectPartition(folds, 7);
  });

  it.each([
    [1, /at least 2/],
    [2.5, /integer/],
    [4, /at least 4 rows/],
  ])('rejects k=%p', (k, message) => {
    expect(() => stratifiedKFold([0, 1, 0], k)).toThrow(message);
  });
});

describe('kFold', () => {
  it('makes contiguous blocks, the first n % k one row larger, as scikit-learn KFold', () => {
    expect(kFold(7, 3).map((fold) => fold.test)).toEqual([[0, 1, 2], [3, 4], [5, 6]]);
    expectPartition(kFold(150, 5), 150);
  });
});

describe('shuffledStratifiedKFold', () => {
  const labels = Array.from({ length: 60 }, (_, i) => (i < 30 ? 'x' : i < 50 ? 'y' : 'z'));

  it('keeps the stratified per-class fold sizes and partitions the rows', () => {
    const classCountsPerFold = (folds: Fold[]) =>
      folds.map((fold) => ['x', 'y', 'z'].map((name) => fold.test.filter((row) => labels[row] === name).length));
    const shuffledFolds = shuffledStratifiedKFold(labels, 4, 1);
    expect(classCountsPerFold(shuffledFolds)).toEqual(classCountsPerFold(stratifiedKFold(labels, 4)));
    expectPartition(shuffledFolds, 60);
  });

  it('is reproducible for a seed and shuffles differently for another', () => {
    expect(shuffledStratifiedKFold(labels, 4, 7)).toEqual(shuffledStratifiedKFold(labels, 4, 7));
    expect(shuffledStratifiedKFold(labels, 4, 7)).not.toEqual(shuffledStratifiedKFold(labels, 4, 8));
    expect(shuffledStratifiedKFold(labels, 4, 7)).not.toEqual(stratifiedKFold(labels, 4));
  });
});
