/**
 * The scores of published forecasts, one row per scored forecast day, partitioned like the other
 * energy tables so a re-scored day replaces its object instead of adding a row.
 */
import { Type } from '@sinclair/typebox';
import { defineLakeTable } from '../../src/builder';
import { DATA_BUCKET } from '../data-bucket';

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
  partitionKeys: ['market', 'date'],
  description: 'Accuracy of each published day-ahead forecast against the prices that came true',
});
