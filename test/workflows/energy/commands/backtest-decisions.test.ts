/** What the backtest tells of the retraining loop: its decisions counted, its promotions listed. */
import type { ModelVersion } from '../../../../src/services';
import { decisionLines, retrainDecisions } from '../../../../workflows/energy/commands/backtest-decisions';

const config = { windows: [56, 1456], weights: [0.4, 0.6], band: { method: 'conformal', calibrationDays: 112, recentDays: 7, recentWeight: 1 } };
const decided = (version: number, status: ModelVersion['status'], backtestMae: number): ModelVersion =>
  ({ modelName: 'energy-NP', version, status, kind: 'lear-ensemble', artefact: { bucket: 'b', key: 'k' }, hyperparameters: config, metrics: { backtestMae, championMae: 2 }, executionArn: 'x', createdAt: `2017-01-0${version}T06:00:00.000Z` }) as ModelVersion;
/** The champion `--forecaster` approves: no backtest behind it. */
const approvedByHand = { ...decided(1, 'Approved', 0), metrics: {} } as ModelVersion;

test.each([
  ['no version', [], { decisions: 0, promoted: [] }, ['retraining: no decision in the period']],
  ['only the champion approved by hand', [approvedByHand], { decisions: 0, promoted: [] }, ['retraining: no decision in the period']],
  [
    'a rejection and a promotion after the hand-approved champion',
    [decided(3, 'Approved', 1.5), approvedByHand, decided(2, 'Rejected', 2.5)],
    { decisions: 2, promoted: [{ day: '2017-01-03', version: 3, config, backtestMae: 1.5, championMae: 2 }] },
    ['retraining: 2 decision(s), 1 promoted', "  2017-01-03 v3: windows 56/1456, weights 0.400/0.600, band conformal over 112 days; backtest MAE 1.500 against the champion's 2.000"],
  ],
  ['rejections only', [decided(2, 'Rejected', 2.5)], { decisions: 1, promoted: [] }, ['retraining: 1 decision(s), none promoted']],
])('%s', (_what, versions, expected, lines) => {
  const decisions = retrainDecisions(versions);
  expect(decisions).toEqual(expected);
  expect(decisionLines(decisions)).toEqual(lines);
});

test('past twenty promotions the rest are counted', () => {
  const lines = decisionLines(retrainDecisions(Array.from({ length: 23 }, (_, i) => ({ ...decided(1, 'Approved', 1), version: i + 2 }))));
  expect(lines).toHaveLength(22);
  expect(lines[0]).toBe('retraining: 23 decision(s), 23 promoted');
  expect(lines[21]).toBe('  and 3 more');
});
