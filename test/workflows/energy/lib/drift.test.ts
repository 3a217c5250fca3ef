/** The drift rule: rolling MAE of the last week against the four weeks before it. */
import { detectDrift, type DayMae } from '../../../../workflows/energy/lib';

/** `n` consecutive days from 2018-01-01 with the given MAE. */
function days(maes: number[]): DayMae[] {
  return maes.map((mae, k) => ({ date: new Date(Date.UTC(2018, 0, 1 + k)).toISOString().slice(0, 10), mae }));
}
const flat = (n: number, mae: number) => Array.from({ length: n }, () => mae);

test.each([
  ['steady accuracy', [...flat(28, 2), ...flat(7, 2)], {}, false, 1],
  ['a week 25 % worse is within the default threshold', [...flat(28, 2), ...flat(7, 2.5)], {}, false, 1.25],
  ['a week 30 % worse drifts', [...flat(28, 2), ...flat(7, 2.6)], {}, true, 1.3],
  ['a better week never drifts', [...flat(28, 2), ...flat(7, 1)], {}, false, 0.5],
  ['a tighter threshold flags a smaller drift', [...flat(28, 2), ...flat(7, 2.3)], { threshold: 0.1 }, true, 1.15],
  ['only the days before the last week set the reference', [...flat(100, 9), ...flat(28, 2), ...flat(7, 2.6)], {}, true, 1.3],
  ['a shorter rolling span', [...flat(10, 1), ...flat(3, 2)], { recentDays: 3, referenceDays: 10 }, true, 2],
] as const)('%s', (_name, maes, options, degraded, ratio) => {
  const verdict = detectDrift(days([...maes]), options);
  expect(verdict.degraded).toBe(degraded);
  expect(verdict.ratio).toBeCloseTo(ratio, 12);
  expect(verdict.reason).toMatch(/rolling MAE/);
});

test('the order of the scores does not matter', () => {
  const scores = days([...flat(28, 2), ...flat(7, 3)]);
  expect(detectDrift([...scores].reverse())).toEqual(detectDrift(scores));
});

test.each([
  ['fewer days than the rolling span', days(flat(6, 5)), /6 scored day\(s\); the rolling MAE needs 7/],
  ['too short a reference', days(flat(12, 5)), /5 scored day\(s\) before the last 7/],
])('no verdict of drift with %s', (_name, scores, reason) => {
  const verdict = detectDrift(scores);
  expect(verdict.degraded).toBe(false);
  expect(verdict.reason).toMatch(reason);
});

describe('after a retraining decision', () => {
  // 28 days at 2, then a week at 3 (2018-01-29..2018-02-04): drifted by 1.5×.
  const scores = days([...flat(28, 2), ...flat(7, 3)]);
  test.each([
    ['a decision before the recent span leaves the drift to be announced', '2018-01-28', true],
    ['a decision on its first day has judged it', '2018-01-29', false],
    ['a decision inside it has judged it', '2018-02-02', false],
  ])('%s', (_name, lastDecision, degraded) => {
    const verdict = detectDrift(scores, {}, lastDecision);
    expect(verdict.degraded).toBe(degraded);
    expect(verdict.ratio).toBeCloseTo(1.5, 12);
    if (!degraded) expect(verdict.reason).toMatch(`a retraining decision on ${lastDecision} saw part of that span`);
  });
});
