/** The champion: the latest approved `energy-<market>` version's configuration, else the default; a malformed one is refused by name. */
import type { ModelRegistryService, ModelVersion } from '../../../../src/services';
import { championOf, firstCalibrationDay, historyReach, MIN_MEMBER_HISTORY_DAYS } from '../../../../workflows/energy/tasks/champion';
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

const small = { windows: [28, 56], weights: [0.5, 0.5], band: { method: 'conformal' as const, calibrationDays: 7, recentDays: 2, recentWeight: 0.5 } };
test.each([
  // NP's test period starts 1456 days into the file: its first forecasts calibrate on the 63 days before them, members cut to the history there is, as the retrain's are.
  ['history holding just the longest window', 1456, DEFAULT_FORECASTER, 1456 - 56 - 7],
  ['a long history', 2000, DEFAULT_FORECASTER, 2000 - 56 - 7],
  ['a history shorter than the calibration reaches', 60, { ...DEFAULT_FORECASTER, windows: [28], weights: [1] }, MIN_MEMBER_HISTORY_DAYS],
  ['a small forecaster', 93, small, 93 - 7 - 2],
  ['a history shorter than any member needs', 20, small, 20],
])('the first calibration day of a forecast after %s', (_what, target, forecaster, first) => {
  expect(firstCalibrationDay(target, forecaster)).toBe(first);
});
