/** The promotion decision and the choice of the challenger. */
import { bestCandidate, decidePromotion, type BacktestMetrics } from '../../../../workflows/energy/lib';

const metrics = (mae: number, pinball = 0.6): BacktestMetrics => ({ mae, pinball, smape: 5, rmse: 3, coverage: 0.8, days: 28 });

test.each([
  ['a clearly better challenger is promoted', 2, 1.9, 0.01, true],
  ['a challenger better by less than the margin is not', 2, 1.99, 0.01, false],
  ['an equal challenger is not', 2, 2, 0, false],
  ['a worse challenger is not', 2, 2.1, 0.01, false],
  ['with no margin, any gain promotes', 2, 1.999, 0, true],
] as const)('%s', (_name, champion, challenger, margin, promote) => {
  const decision = decidePromotion(metrics(champion), metrics(challenger), margin);
  expect(decision.promote).toBe(promote);
  expect(decision.reason).toContain(promote ? 'beats the champion' : 'does not beat the champion');
  expect(decision.reason).toContain(`needed MAE < ${(champion * (1 - margin)).toFixed(3)}`);
});

test('without a champion to compare with, the challenger is promoted', () => {
  expect(decidePromotion(undefined, metrics(2)).promote).toBe(true);
});

test('the challenger is the lowest MAE, pinball breaking ties', () => {
  expect(bestCandidate([metrics(2), metrics(1.8), metrics(1.9)])).toBe(1);
  expect(bestCandidate([metrics(1.8, 0.7), metrics(1.8, 0.6)])).toBe(1);
  expect(() => bestCandidate([])).toThrow(RangeError);
});
