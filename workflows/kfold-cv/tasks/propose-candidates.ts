/**
 * ProposeCandidates: the next round of at most `maxParallel` candidates, or `done` when the budget
 * (or the given list) is spent. Deterministic in its input, so a retry proposes the same round.
 */
import type { Static } from '@sinclair/typebox';
import { defineTask } from '../../../src/builder';
import { ProposeInput, ProposeOutput, type CandidateSpec } from '../schemas';
import { proposeCandidates as proposeFromSpace, type ScoredCandidate } from '../lib';
import { fromCandidate } from './svc-params';

export const ProposeCandidates = defineTask({
  name: 'kfold-propose-candidates',
  input: ProposeInput,
  output: ProposeOutput,
  access: {},
  run: ({ search, seed, history }) => {
    const params = search.method === 'list' ? nextFromList(search, history.length) : nextFromSpace(search, seed, history);
    const candidates: CandidateSpec[] = params.map((p, offset) => ({ id: history.length + offset, params: p }));
    return { candidates, done: candidates.length === 0 };
  },
});

type Input = Static<typeof ProposeInput>;

function nextFromList(search: Input['search'], evaluated: number): CandidateSpec['params'][] {
  const limit = Math.min(search.budget, search.candidates?.length ?? 0);
  return (search.candidates ?? []).slice(evaluated, Math.min(limit, evaluated + search.maxParallel));
}

function nextFromSpace(search: Input['search'], seed: number, history: Input['history']): CandidateSpec['params'][] {
  const scored: ScoredCandidate[] = history.map((result) => ({
    C: result.params.C,
    kernel: result.params.kernel,
    // Candidates drawn from a space always have a numeric gamma.
    gamma: result.params.gamma as number,
    score: result.mean,
  }));
  const method = search.method === 'tpe' ? 'tpe' : 'random';
  return proposeFromSpace({ method, space: search.space, history: scored, budget: search.budget, batchSize: search.maxParallel, seed }).map(fromCandidate);
}

