/** The objects energy-score and energy-retrain reach. */
import type { ObjectAccess, ObjectAccessMode } from '../../../src/services';
import { DATA_BUCKET } from '../../data-bucket';
import { scoresTable } from '../scores-table';

/** Each retrain run's working files: member forecasts of its span, the promoted config. */
export const RETRAIN_RUNS_PREFIX = 'runs/energy-retrain/';
/** Member forecasts per market, window and day, kept across runs: a day's LEAR forecast never changes. */
export const MEMBERS_PREFIX = 'energy/members/';

export const retrainRuns = (access: ObjectAccessMode): ObjectAccess => ({ bucket: DATA_BUCKET, prefix: RETRAIN_RUNS_PREFIX, access });
export const memberCache = (access: ObjectAccessMode): ObjectAccess => ({ bucket: DATA_BUCKET, prefix: MEMBERS_PREFIX, access });
export const scoreObjects = (access: ObjectAccessMode): ObjectAccess => ({ bucket: DATA_BUCKET, prefix: scoresTable.prefix, access });
