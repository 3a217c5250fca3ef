/**
 * The energy package's lake tables. Every table is partitioned by market and delivery day, so a
 * day's rows are one Parquet object that a re-run replaces rather than duplicates, and queries for
 * a window of days read only those partitions.
 */
import { Type } from '@sinclair/typebox';
import { defineLakeTable } from '../../src/builder';
import { DATA_BUCKET } from '../data-bucket';

const PARTITIONS = ['market', 'date'] as const;

/** The market's history as the feeds published it: one row per delivery hour. */
export const historyTable = defineLakeTable({
  name: 'energy_history',
  bucket: DATA_BUCKET,
  prefix: 'lake/energy/history/',
  rows: Type.Object({
    /** 0..23, the hour of the delivery day (`date`). */
    hour: Type.Integer(),
    price: Type.Number(),
    /** The first exogenous day-ahead forecast (load). */
    exog1: Type.Number(),
    /** The second exogenous day-ahead forecast (wind or generation). */
    exog2: Type.Number(),
  }),
  partitionKeys: PARTITIONS,
  description: 'Day-ahead prices and the two exogenous forecasts, per market and delivery day',
});

/** Every forecast the workflows made: the band and each ensemble member, per delivery hour. */
export const forecastsTable = defineLakeTable({
  name: 'energy_forecasts',
  bucket: DATA_BUCKET,
  prefix: 'lake/energy/forecasts/',
  rows: Type.Object({
    hour: Type.Integer(),
    p10: Type.Number(),
    p50: Type.Number(),
    p90: Type.Number(),
    /** The members' point forecasts in the order of the model's `windows`. */
    members: Type.String({ description: 'JSON array of numbers' }),
    /** `<modelName>@<version>`, or `<modelName>@default` before any version is approved. */
    model: Type.String(),
    /** When the forecast was made, ISO 8601 on the engine's clock. */
    madeAt: Type.String(),
  }),
  partitionKeys: PARTITIONS,
  description: 'Hourly P10/P50/P90 day-ahead forecasts with their ensemble members',
});

/**
 * The exogenous day-ahead forecasts for a delivery day whose prices are not out yet: the day being
 * forecast. Once its prices are published the day moves to `energy_history` like any other.
 */
export const exogenousTable = defineLakeTable({
  name: 'energy_exogenous',
  bucket: DATA_BUCKET,
  prefix: 'lake/energy/exogenous/',
  rows: Type.Object({ hour: Type.Integer(), exog1: Type.Number(), exog2: Type.Number() }),
  partitionKeys: PARTITIONS,
  description: 'Exogenous day-ahead forecasts for a delivery day before its prices are published',
});

/**
 * Forecasts made after the fact for the conformal band's calibration days that no published forecast
 * of the same model covers (after a historical load, or when the champion changed). Kept apart from
 * `energy_forecasts` so that nothing scores them as if they had been published.
 */
export const backcastsTable = defineLakeTable({
  name: 'energy_backcasts',
  bucket: DATA_BUCKET,
  prefix: 'lake/energy/backcasts/',
  rows: Type.Object({
    hour: Type.Integer(),
    /** The members' point forecasts in the order of the model's `windows`. */
    members: Type.String({ description: 'JSON array of numbers' }),
    model: Type.String(),
    madeAt: Type.String(),
  }),
  partitionKeys: PARTITIONS,
  description: 'Calibration forecasts made after the fact, never published',
});

/** The scores of published forecasts, one row per scored forecast day (a re-scored day replaces its object). */
export const scoresTable = defineLakeTable({
  name: 'energy_scores',
  bucket: DATA_BUCKET,
  prefix: 'lake/energy/scores/',
  rows: Type.Object({
    /** The model that made the forecast, as energy_forecasts names it. */
    model: Type.String(),
    mae: Type.Number(),
    smape: Type.Number(),
    /** Mean pinball loss over P10/P50/P90. */
    pinball: Type.Number(),
    /** Share of the day's hours within [P10, P90]. */
    coverage: Type.Number(),
    hours: Type.Integer(),
    /** When the day was scored, ISO 8601 on the engine's clock. */
    scoredAt: Type.String(),
  }),
  partitionKeys: PARTITIONS,
  description: 'Accuracy of each published day-ahead forecast against the prices that came true',
});

export const ENERGY_TABLES = [historyTable, forecastsTable, exogenousTable, backcastsTable, scoresTable] as const;
