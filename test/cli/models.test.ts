/** The models table: structured hyperparameters read as JSON. */
import { formatVersions } from '../../src/cli/models';

test('an energy version shows its windows, weights and band', () => {
  const table = formatVersions([
    {
      modelName: 'energy-NP',
      version: 2,
      status: 'Approved',
      kind: 'lear-ensemble',
      artefact: { bucket: 'statecraft-data', key: 'runs/energy-retrain/x/forecaster.json' },
      hyperparameters: { windows: [56, 84], weights: [0.5, 0.5], band: { method: 'conformal', calibrationDays: 56 } },
      metrics: { backtestMae: 1.71234 },
      executionArn: 'arn:aws:states:us-east-1:000000000000:execution:energy-retrain:x',
      createdAt: '2018-01-01T06:00:00.000Z',
    },
  ]);
  expect(table).toContain('windows=[56,84] weights=[0.5,0.5] band={"method":"conformal","calibrationDays":56}');
  expect(table).toContain('backtestMae=1.7123');
});
