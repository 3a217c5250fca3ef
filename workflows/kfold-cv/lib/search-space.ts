import type { Random } from '../../../src/services';
import type { Kernel } from './svm';

/** A positive range searched on a log scale (so 0.01…0.1 gets as many tries as 10…100). */
export interface LogRange {
  readonly min: number;
  readonly max: number;
}

export interface SearchSpace {
  readonly C: LogRange;
  readonly gamma: LogRange;
  readonly kernels: readonly Kernel[];
}

/** One set of SVM hyperparameters to cross-validate. */
export interface Candidate {
  readonly C: number;
  readonly kernel: Kernel;
  readonly gamma: number;
}

export interface ScoredCandidate extends Candidate {
  /** Mean cross-validation score; higher is better. */
  readonly score: number;
}

/** A candidate as the search models it: C and gamma mapped to [0, 1] on a log scale. */
export interface UnitPoint {
  readonly kernel: Kernel;
  readonly unit: readonly [number, number];
}

export function assertSearchSpace(space: SearchSpace): void {
  for (const [name, range] of [['C', space.C], ['gamma', space.gamma]] as const) {
    if (!(range.min > 0 && range.max >= range.min && Number.isFinite(range.max))) {
      throw new RangeError(`Search range for ${name} must satisfy 0 < min <= max; got ${range.min}…${range.max}.`);
    }
  }
  if (space.kernels.length === 0) throw new RangeError('The search space needs at least one kernel.');
}

export function toUnit(space: SearchSpace, candidate: Candidate): UnitPoint {
  return { kernel: candidate.kernel, unit: [toUnitLog(space.C, candidate.C), toUnitLog(space.gamma, candidate.gamma)] };
}

export function fromUnit(space: SearchSpace, point: UnitPoint): Candidate {
  return { C: fromUnitLog(space.C, point.unit[0]), kernel: point.kernel, gamma: fromUnitLog(space.gamma, point.unit[1]) };
}

export function sampleUniform(space: SearchSpace, random: Random): Candidate {
  const kernel = space.kernels[Math.floor(random() * space.kernels.length)];
  return fromUnit(space, { kernel, unit: [random(), random()] });
}

function toUnitLog(range: LogRange, value: number): number {
  const width = Math.log(range.max) - Math.log(range.min);
  return width === 0 ? 0.5 : (Math.log(value) - Math.log(range.min)) / width;
}

function fromUnitLog(range: LogRange, unit: number): number {
  return Math.exp(Math.log(range.min) + unit * (Math.log(range.max) - Math.log(range.min)));
}
