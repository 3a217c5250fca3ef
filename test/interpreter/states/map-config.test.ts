import { exceedsTolerance, type MapLimits } from '../../../src/interpreter/states/map-config';

test.each<[string, Partial<MapLimits>, number, number, boolean]>([
  ['no failure never exceeds', {}, 0, 10, false],
  ['without tolerance, one failure exceeds', {}, 1, 10, true],
  ['a count tolerates up to itself', { toleratedFailureCount: 2 }, 2, 10, false],
  ['a count is exceeded above itself', { toleratedFailureCount: 2 }, 3, 10, true],
  ['a percentage tolerates up to itself', { toleratedFailurePercentage: 20 }, 2, 10, false],
  ['a percentage is exceeded above itself', { toleratedFailurePercentage: 20 }, 3, 10, true],
  ['either threshold exceeded fails', { toleratedFailureCount: 5, toleratedFailurePercentage: 10 }, 2, 10, true],
])('%s', (_name, limits, failures, total, exceeded) => {
  expect(exceedsTolerance({ maxConcurrency: 0, ...limits }, failures, total)).toBe(exceeded);
});
