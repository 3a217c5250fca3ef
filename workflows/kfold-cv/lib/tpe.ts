import type { Random } from '../../../src/services';
import { type Candidate, fromUnit, type ScoredCandidate, type SearchSpace, toUnit, type UnitPoint } from './search-space';
import type { Kernel } from './svm';

/** Share of the history that counts as "good" (hyperopt's gamma). */
const GOOD_SHARE = 0.25;
/** Draws from the good density per proposal; the best ratios among them are proposed. */
const DRAWS = 64;

/**
 * Tree-structured Parzen Estimator (Bergstra et al., 2011): split the scored candidates into the best
 * quarter and the rest, model each as a Parzen density (a Gaussian per point plus a uniform prior on
 * the unit square, kernel frequencies with add-one smoothing), draw from the good density and propose
 * the draws where good/rest density of C and gamma is highest. The kernel is drawn from the good
 * frequencies but not ranked by its ratio: with a handful of scores, the ratio of kernel frequencies
 * dwarfs everything else and locks the search onto the first kernel that did well.
 */
export function proposeTpe(space: SearchSpace, history: readonly ScoredCandidate[], count: number, random: Random): Candidate[] {
  const ranked = [...history].sort((a, b) => b.score - a.score);
  const goodCount = Math.max(1, Math.ceil(GOOD_SHARE * ranked.length));
  const good = densityOf(space, ranked.slice(0, goodCount).map((candidate) => toUnit(space, candidate)));
  const rest = densityOf(space, ranked.slice(goodCount).map((candidate) => toUnit(space, candidate)));
  const draws = Array.from({ length: DRAWS * count }, () => good.sample(random));
  return draws
    .map((point) => ({ point, ratio: good.logDensity(point.unit) - rest.logDensity(point.unit) }))
    .sort((a, b) => b.ratio - a.ratio)
    .slice(0, count)
    .map(({ point }) => fromUnit(space, point));
}

interface Density {
  sample(random: Random): UnitPoint;
  /** Of C and gamma only; see {@link proposeTpe} on why the kernel is not ranked. */
  logDensity(unit: UnitPoint['unit']): number;
}

function densityOf(space: SearchSpace, points: readonly UnitPoint[]): Density {
  // Scott's-rule-like shrinkage: more observations, narrower bumps; never so narrow that it stops exploring.
  const bandwidth = Math.max(0.03, 0.25 * Math.pow(points.length + 1, -1 / 5));
  const kernelWeight = (kernel: Kernel) =>
    (points.filter((point) => point.kernel === kernel).length + 1) / (points.length + space.kernels.length);
  const mixture = (dimension: 0 | 1, x: number) => {
    const bumps = points.reduce((sum, point) => sum + gaussian(x, point.unit[dimension], bandwidth), 0);
    return (1 + bumps) / (points.length + 1);
  };
  return {
    sample(random) {
      const kernel = pickWeighted(space.kernels, kernelWeight, random);
      const centre = Math.floor(random() * (points.length + 1));
      if (centre === points.length) return { kernel, unit: [random(), random()] };
      const around = (x: number) => clamp01(x + bandwidth * standardNormal(random));
      return { kernel, unit: [around(points[centre].unit[0]), around(points[centre].unit[1])] };
    },
    logDensity(unit) {
      return Math.log(mixture(0, unit[0])) + Math.log(mixture(1, unit[1]));
    },
  };
}

function pickWeighted<T>(items: readonly T[], weight: (item: T) => number, random: Random): T {
  let remaining = random() * items.reduce((sum, item) => sum + weight(item), 0);
  for (const item of items) {
    remaining -= weight(item);
    if (remaining < 0) return item;
  }
  return items[items.length - 1];
}

function gaussian(x: number, centre: number, sigma: number): number {
  return Math.exp(-0.5 * ((x - centre) / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI));
}

/** Box–Muller transform. */
function standardNormal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
