/** The champion: the latest approved `energy-<market>` version's configuration, else the default; a malformed one is refused by name. */
import type { ModelRegistryService, ModelVersion } from '../../../../src/services';
import { championOf, historyReach } from '../../../../workflows/energy/tasks/champion';
import { DEFAULT_FORECASTER } from '../../../../workflows/energy/schemas/model';

const config = (window: number) => ({ windows: [window], weights: [1], band: { method: 'empirical', calibrationDays: 28 } });
const version = (n: number, status: ModelVersion['status'], hyperparameters: Record<string, unknown>): ModelVersion =>
  ({ modelName: 'energy-NP', version: n, status, kind: 'lear-ensemble', artefact: { bucket: 'b', key: 'k' }, hyperparameters, metrics: {}, executionArn: 'x', createdAt: '2026-01-01T00:00:00Z' }) as ModelVersion;
/** Only what the champion reads: the newest version a predicate takes. */
const registry = (versions: ModelVersion[]) =>
  ({ latest: async (name: string, accept: (v: ModelVersion) => boolean) => versions.filter((v) => v.modelName === name && accept(v)).sort((a, b) => b.version - a.version)[0] }) as unknown as ModelRegistryService;

test.each([
  ['no version', [], 'energy-NP@default', null, DEFAULT_FORECASTER],
  ['only pending and rejected versions', [version(1, 'PendingManualApproval', config(56)), version(2, 'Rejected', config(84))], 'energy-NP@default', null, DEFAULT_FORECASTER],
  ['approved versions', [version(1, 'Approved', config(56)), version(2, 'Approved', config(84)), version(3, 'PendingManualApproval', config(1092))], 'energy-NP@2', 2, config(84)],
  ['an approved version of another kind', [version(1, 'Approved', config(56)), { ...version(2, 'Approved', config(84)), kind: 'svm' }], 'energy-NP@1', 1, config(56)],
])('%s → %s', async (_what, versions, model, number, forecaster) => {
  expect(await championOf(registry(versions), 'NP')).toEqual({ model, version: number, forecaster });
});

test.each([
  ['not a forecaster configuration', { windows: 'all' }],
  ['a weight per window missing', { windows: [56, 84], weights: [1], band: { method: 'empirical', calibrationDays: 28 } }],
])('an approved version whose hyperparameters are %s is refused as InvalidChampion', async (_what, hyperparameters) => {
  await expect(championOf(registry([version(1, 'Approved', hyperparameters)]), 'NP')).rejects.toMatchObject({ name: 'InvalidChampion' });
});

test("the history a forecast reaches: the longest window and the band's calibration and recent days", () => {
  expect(historyReach(DEFAULT_FORECASTER)).toBe(1456 + 56 + 7);
});
