import { seededRandom } from '../../../src/services';
import { assertSearchSpace, type Candidate, sampleUniform, type ScoredCandidate, type SearchSpace } from './search-space';
import { proposeTpe } from './tpe';

export type SearchMethod = 'random' | 'tpe';

export interface ProposalRequest {
  readonly method: SearchMethod;
  readonly space: SearchSpace;
  /** Every candidate evaluated in earlier rounds, with its mean score. */
  readonly history: readonly ScoredCandidate[];
  /** Maximum number of candidates over the whole search. */
  readonly budget: number;
  /** Maximum candidates per round (evaluated in parallel). */
  readonly batchSize: number;
  readonly seed: number;
}

/** Rounds of random draws before TPE has enough scores to model: at least one full batch. */
const MIN_STARTUP = 8;

/**
 * The next round of candidates: at most `batchSize`, never past `budget`; empty when the budget is
 * spent. Stateless and deterministic in (request), so a retried proposal task proposes the same round.
 */
export function proposeCandidates(request: ProposalRequest): Candidate[] {
  assertRequest(request);
  const { method, space, history, budget, batchSize, seed } = request;
  const count = Math.min(batchSize, budget - history.length);
  if (count <= 0) return [];
  const startup = Math.min(budget, Math.max(MIN_STARTUP, batchSize));
  if (method === 'random' || history.length < startup) {
    const until = method === 'random' ? history.length + count : Math.min(history.length + count, startup);
    return randomSearch(space, until, seed).slice(history.length);
  }
  const roundSeed = (seed ^ Math.imul(history.length, 0x9e3779b9)) >>> 0;
  return proposeTpe(space, history, count, seededRandom(roundSeed));
}

/**
 * `count` candidates drawn uniformly (log scale for C and gamma) from a seeded stream: the first n
 * are the same for any count, so random search does not depend on how it is split into rounds.
 */
export function randomSearch(space: SearchSpace, count: number, seed: number): Candidate[] {
  assertSearchSpace(space);
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => sampleUniform(space, random));
}

function assertRequest({ space, budget, batchSize, history }: ProposalRequest): void {
  assertSearchSpace(space);
  if (!Number.isInteger(budget) || budget < 1) throw new RangeError(`budget must be a positive integer; got ${budget}.`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer; got ${batchSize}.`);
  if (history.some((candidate) => !Number.isFinite(candidate.score))) throw new RangeError('Every history entry needs a finite score.');
}
