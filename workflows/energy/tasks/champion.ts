/**
 * The champion a market's forecasts run and its retrains must beat: the latest approved version of
 * `energy-<market>` in the model registry — its `hyperparameters` are a {@link ForecasterConfig} — else DEFAULT_FORECASTER.
 */
import { Value } from '@sinclair/typebox/value';
import { TaskFailure, type ModelRegistryService } from '../../../src/services';
import { DEFAULT_FORECASTER, ENERGY_MODEL_KIND, energyModelName, ForecasterConfig } from '../schemas/model';

export interface Champion {
  /** `<modelName>@<version>`, or `<modelName>@default`. */
  readonly model: string;
  /** The approved version, or null for the default. */
  readonly version: number | null;
  readonly forecaster: ForecasterConfig;
}

export async function championOf(models: ModelRegistryService, market: string): Promise<Champion> {
  const name = energyModelName(market);
  const latest = await models.latest(name, (version) => version.status === 'Approved' && version.kind === ENERGY_MODEL_KIND);
  if (!latest) return { model: `${name}@default`, version: null, forecaster: DEFAULT_FORECASTER };
  if (!Value.Check(ForecasterConfig, latest.hyperparameters)) {
    const first = Value.Errors(ForecasterConfig, latest.hyperparameters).First();
    throw new TaskFailure('InvalidChampion', `${name} version ${latest.version} is approved but its hyperparameters are not a forecaster configuration (${first ? `${first.path || '/'}: ${first.message}` : 'invalid'}).`);
  }
  if (latest.hyperparameters.windows.length !== latest.hyperparameters.weights.length) {
    throw new TaskFailure('InvalidChampion', `${name} version ${latest.version} has ${latest.hyperparameters.windows.length} windows but ${latest.hyperparameters.weights.length} weights.`);
  }
  return { model: `${name}@${latest.version}`, version: latest.version, forecaster: latest.hyperparameters };
}

/** Days of history a forecast of this configuration reads: the longest window, and before it the band's calibration days. */
export function historyReach(forecaster: ForecasterConfig): number {
  return Math.max(...forecaster.windows) + calibrationReach(forecaster);
}

/**
 * The fewest days of history a member forecast is made from: the lead a retrain's span needs before its
 * first day, and how far back a forecast's calibration days reach. A window longer than the history
 * before a day is cut to the days there are (lib `effectiveWindow`), as the retrain's members and the
 * energy-loop bench's are: the first forecasts of a market whose history holds just the longest window
 * still calibrate their band on the days before them, as the retrain backtested it.
 */
export const MIN_MEMBER_HISTORY_DAYS = 28;

/** The first calibration day of a forecast of series day `target` (series days counted from its first, 0). */
export function firstCalibrationDay(target: number, forecaster: ForecasterConfig): number {
  return Math.max(Math.min(MIN_MEMBER_HISTORY_DAYS, target), target - calibrationReach(forecaster));
}

/** Past days whose forecasts the band reads: its calibration days and, for the conformal scale, their recent days. */
export function calibrationReach(forecaster: ForecasterConfig): number {
  return forecaster.band.calibrationDays + (forecaster.band.method === 'conformal' ? (forecaster.band.recentDays ?? 7) : 0);
}
