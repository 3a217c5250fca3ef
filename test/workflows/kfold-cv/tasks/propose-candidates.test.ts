/** ProposeCandidates: rounds within the budget, deterministic (a retry proposes the same round). */
import { ProposeCandidates } from '../../../../workflows/kfold-cv/tasks/propose-candidates';
import { randomSearch } from '../../../../workflows/kfold-cv/lib';
import type { CandidateResult } from '../../../../workflows/kfold-cv/schemas';
import { fakeServices, runTask } from './fake-services';

const space = { C: { min: 0.1, max: 10 }, gamma: { min: 0.001, max: 1 }, kernels: ['linear', 'rbf'] as ('linear' | 'rbf')[] };
const list = [1, 2, 3, 4, 5].map((C) => ({ C, kernel: 'linear' as const, gamma: 'scale' as const }));

type Proposal = { candidates: { id: number; params: CandidateResult['params'] }[]; done: boolean };
const propose = (search: object, history: CandidateResult[], seed = 1) => runTask(ProposeCandidates, { search, seed, history }, fakeServices()) as Promise<Proposal>;
const scored = (proposal: Proposal, mean = 0.9): CandidateResult[] => proposal.candidates.map((c) => ({ ...c, foldScores: [mean], mean, std: 0 }));

test('a list is proposed in rounds of maxParallel, up to the budget, then done', async () => {
  const search = { method: 'list', space, budget: 4, maxParallel: 3, candidates: list };
  const first = await propose(search, []);
  expect(first.candidates).toEqual(list.slice(0, 3).map((params, id) => ({ id, params })));
  const second = await propose(search, scored(first));
  expect(second.candidates).toEqual([{ id: 3, params: list[3] }]);
  expect(await propose(search, [...scored(first), ...scored(second)])).toEqual({ candidates: [], done: true });
});

test('random search proposes the seeded draws in order, whatever the round size', async () => {
  const search = { method: 'random', space, budget: 5, maxParallel: 2 };
  const first = await propose(search, [], 9);
  const second = await propose(search, scored(first), 9);
  expect([...first.candidates, ...second.candidates].map((c) => c.params)).toEqual(randomSearch(space, 4, 9));
});

test('tpe proposes the same round for the same history (safe to retry) and stops at the budget', async () => {
  const search = { method: 'tpe', space, budget: 12, maxParallel: 4 };
  let history: CandidateResult[] = [];
  for (let round = 0; round < 3; round++) {
    const proposal = await propose(search, history, 5);
    expect(await propose(search, history, 5)).toEqual(proposal);
    history = [...history, ...scored(proposal, 0.5 + round / 10)];
  }
  expect(history.map((c) => c.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  expect((await propose(search, history, 5)).done).toBe(true);
});
