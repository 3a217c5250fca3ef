import { proposeCandidates, randomSearch, type SearchMethod } from '../../../../workflows/kfold-cv/lib/search';
import type { Candidate, ScoredCandidate, SearchSpace } from '../../../../workflows/kfold-cv/lib/search-space';

const space: SearchSpace = { C: { min: 1e-3, max: 1e3 }, gamma: { min: 1e-4, max: 10 }, kernels: ['linear', 'poly', 'rbf', 'sigmoid'] };

/** A smooth objective with one peak, 1 at (rbf, C = 10^1.8, gamma = 10^-2.5), about a decade wide. */
function objective({ C, kernel, gamma }: Candidate): number {
  const kernelPenalty = kernel === 'rbf' ? 0 : 0.3;
  return 1 - kernelPenalty - (Math.log10(C) - 1.8) ** 2 - ((Math.log10(gamma) + 2.5) / 0.7) ** 2;
}

function runSearch(method: SearchMethod, seed: number, budget: number, batchSize: number) {
  const history: ScoredCandidate[] = [];
  const roundSizes: number[] = [];
  for (;;) {
    const round = proposeCandidates({ method, space, history, budget, batchSize, seed });
    if (round.length === 0) return { history, roundSizes };
    roundSizes.push(round.length);
    history.push(...round.map((candidate) => ({ ...candidate, score: objective(candidate) })));
  }
}

const best = (history: readonly ScoredCandidate[]) => Math.max(...history.map((c) => c.score));

describe.each(['random', 'tpe'] as const)('%s search', (method) => {
  it.each([
    [20, 4],
    [7, 3],
    [1, 5],
  ])('proposes exactly budget=%i candidates in rounds of at most %i', (budget, batchSize) => {
    const { history, roundSizes } = runSearch(method, 7, budget, batchSize);
    expect(history).toHaveLength(budget);
    expect(Math.max(...roundSizes)).toBeLessThanOrEqual(batchSize);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(runSearch(method, 42, 20, 4).history).toEqual(runSearch(method, 42, 20, 4).history);
    expect(runSearch(method, 42, 20, 4).history).not.toEqual(runSearch(method, 43, 20, 4).history);
  });

  it('stays inside the search space', () => {
    for (const { C, gamma, kernel } of runSearch(method, 3, 40, 5).history) {
      expect(C).toBeGreaterThanOrEqual(space.C.min * (1 - 1e-12));
      expect(C).toBeLessThanOrEqual(space.C.max * (1 + 1e-12));
      expect(gamma).toBeGreaterThanOrEqual(space.gamma.min * (1 - 1e-12));
      expect(gamma).toBeLessThanOrEqual(space.gamma.max * (1 + 1e-12));
      expect(space.kernels).toContain(kernel);
    }
  });
});

it('random search draws the same candidates however the budget is split into rounds', () => {
  expect(runSearch('random', 9, 12, 5).history).toEqual(runSearch('random', 9, 12, 2).history);
  expect(runSearch('random', 9, 12, 1).history.map(({ score: _, ...c }) => c)).toEqual(randomSearch(space, 12, 9));
});

it('TPE finds better candidates than random search on a smooth objective (20 seeds, same budget)', () => {
  const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
  const meanBest = (method: SearchMethod) =>
    seeds.reduce((sum, seed) => sum + best(runSearch(method, seed, 40, 4).history), 0) / seeds.length;
  const tpe = meanBest('tpe');
  const random = meanBest('random');
  expect(tpe).toBeGreaterThan(random);
  // Not a coin flip: TPE closes most of random search's gap to the optimum (1).
  expect(1 - tpe).toBeLessThan(0.5 * (1 - random));
});

it.each([
  [{ budget: 0 }, /budget/],
  [{ batchSize: 0 }, /batchSize/],
  [{ space: { ...space, C: { min: 0, max: 1 } } }, /range for C/],
  [{ space: { ...space, kernels: [] } }, /kernel/],
])('rejects an invalid request %p', (override, message) => {
  expect(() => proposeCandidates({ method: 'tpe', space, history: [], budget: 10, batchSize: 2, seed: 1, ...override })).toThrow(
    message,
  );
});
