/** Candidates fitted on past days, backtested like for like, and the decision that follows. */
import { materialise, retrainDecision, retrainPlan, type CandidateSpec } from '../../../../workflows/energy/lib';
import type { ForecasterConfig } from '../../../../workflows/energy/schemas/model';

const DAYS = 80;
const band = { method: 'conformal', calibrationDays: 14, recentDays: 7, recentWeight: 0.5 } as const;

/** Prices with a daily shape; window 28 misses by ±1, window 56 by ±3, window 84 by +2 (a bias). */
function syntheticSpan(): { days: number; actual: Float64Array; members: Map<number, Float64Array> } {
  const actual = new Float64Array(DAYS * 24);
  const members = new Map([28, 56, 84].map((w) => [w, new Float64Array(DAYS * 24)] as const));
  for (let i = 0; i < actual.length; i++) {
    actual[i] = 40 + 10 * Math.sin((2 * Math.PI * (i % 24)) / 24) + (i % 7);
    const sign = i % 2 === 0 ? 1 : -1;
    members.get(28)![i] = actual[i]! + sign;
    members.get(56)![i] = actual[i]! - 3 * sign;
    members.get(84)![i] = actual[i]! + 2;
  }
  return { days: DAYS, actual, members };
}

const spec = (name: string, windows: number[], weighting: CandidateSpec['weighting'], keep?: number): CandidateSpec => ({ name, windows, weighting, band, ...(keep !== undefined && { keep }) });
const config = (windows: number[]): ForecasterConfig => ({ windows, weights: windows.map(() => 1 / windows.length), band });

test('materialise keeps the windows with the lowest MAE on the fitting days', () => {
  expect(materialise(spec('best1', [28, 56, 84], 'equal', 1), syntheticSpan(), 10, 20).windows).toEqual([28]);
  expect(materialise(spec('best2', [28, 56, 84], 'equal', 2), syntheticSpan(), 10, 20).windows).toEqual([28, 84]);
});

test.each([
  ['equal', [1 / 3, 1 / 3, 1 / 3]],
  // MAEs 1, 3, 2: weights ∝ 1, 1/3, 1/2.
  ['inverse-mae', [6 / 11, 2 / 11, 3 / 11]],
  // ∝ 1, 1/9, 1/4.
  ['inverse-mse', [36 / 49, 4 / 49, 9 / 49]],
] as const)('%s weights sum to 1 and follow the fitting days’ errors', (weighting, expected) => {
  const { weights } = materialise(spec('all', [28, 56, 84], weighting), syntheticSpan(), 10, 20);
  weights.forEach((w, k) => expect(w).toBeCloseTo(expected[k]!, 5));
  expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
});

test('a better challenger is promoted, and its rule is refitted on the latest days', () => {
  const decision = retrainDecision(syntheticSpan(), 70, config([56]), [spec('short', [28], 'equal'), spec('pair', [28, 84], 'inverse-mae')], { backtestDays: 14, fitDays: 14 });
  expect(decision.promote).toBe(true);
  expect(decision.challenger.spec.name).toBe('short');
  expect(decision.championMetrics!.mae).toBeGreaterThan(decision.challenger.metrics.mae);
  expect(decision.next.windows).toEqual([28]);
  expect(decision.candidates).toHaveLength(2);
});

test('a challenger that does not beat the champion leaves the champion in place', () => {
  const champion = config([28]);
  const decision = retrainDecision(syntheticSpan(), 70, champion, [spec('long', [56], 'equal'), spec('long-pair', [56, 56], 'inverse-mae')], { backtestDays: 14, fitDays: 14 });
  expect(decision.promote).toBe(false);
  expect(decision.next).toBe(champion);
  expect(decision.reason).toMatch(/does not beat the champion/);
});

test('nothing on or after the decision day changes the decision', () => {
  const specs = [spec('short', [28], 'equal'), spec('all', [28, 56, 84], 'inverse-mae'), spec('best2', [28, 56, 84], 'equal', 2)];
  const before = retrainDecision(syntheticSpan(), 60, config([56, 84]), specs);
  const future = syntheticSpan();
  for (let i = 60 * 24; i < future.actual.length; i++) {
    future.actual[i] = -500;
    for (const series of future.members.values()) series[i] = 1000;
  }
  const after = retrainDecision(future, 60, config([56, 84]), specs);
  expect(after).toEqual(before);
});

test('a plan refuses a decision day without enough earlier days', () => {
  expect(retrainPlan(56, { backtestDays: 28, fitDays: 28 })).toEqual({ fitFrom: 0, fitTo: 27, backtestFrom: 28, backtestTo: 55 });
  expect(() => retrainPlan(55, { backtestDays: 28, fitDays: 28 })).toThrow(/needs 56 earlier days/);
});
