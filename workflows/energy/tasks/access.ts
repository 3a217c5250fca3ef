/** The objects the energy tasks reach, by prefix of the shared data bucket. */
import type { ObjectAccess, ObjectAccessMode } from '../../../src/services';
import { DATA_BUCKET } from '../../data-bucket';
import { scoresTable } from '../tables';

/** The feeds' answers as received, under time-stamped prefixes. */
export const RAW_PREFIX = 'energy/raw/';
/** Each run's working objects (the model's input series). */
export const RUNS_PREFIX = 'runs/energy-ingest/';
/** Each published forecast as one JSON object, under a time-stamped prefix. */
export const FORECASTS_PREFIX = 'energy/forecasts/';
/** The energy tables' Parquet objects. */
export const LAKE_PREFIX = 'lake/energy/';

export const objectsUnder = (prefix: string, access: ObjectAccessMode): ObjectAccess => ({ bucket: DATA_BUCKET, prefix, access });

/** `2018-01-02T09:00:00.000Z` → `2018-01-02T090000Z`: sorts by time and reads in any S3 tool. */
export function timeStamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '');
}

/** Each retrain run's working files: member forecasts of its span, the promoted config. */
export const RETRAIN_RUNS_PREFIX = 'runs/energy-retrain/';
/** Member forecasts per market, window and day, kept across runs: a day's LEAR forecast never changes. */
export const MEMBERS_PREFIX = 'energy/members/';

export const retrainRuns = (access: ObjectAccessMode): ObjectAccess => ({ bucket: DATA_BUCKET, prefix: RETRAIN_RUNS_PREFIX, access });
export const memberCache = (access: ObjectAccessMode): ObjectAccess => ({ bucket: DATA_BUCKET, prefix: MEMBERS_PREFIX, access });
/** Where one calibration window's 24 member forecasts of a day are kept (a JSON array), whichever task made them. */
export const memberKey = (market: string, window: number, day: string): string => `${MEMBERS_PREFIX}${market}/w${window}/${day}.json`;
export const scoreObjects = (access: ObjectAccessMode): ObjectAccess => ({ bucket: DATA_BUCKET, prefix: scoresTable.prefix, access });
