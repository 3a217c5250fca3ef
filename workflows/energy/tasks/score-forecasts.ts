/**
 * ScoreForecasts: every published forecast of the last SCORE_LOOKBACK_DAYS whose delivery day's
 * prices are now in the lake and that has no score yet is scored (P50's MAE and sMAPE, the band's
 * pinball loss and P10–P90 coverage) and stored in energy_scores; then the drift rule reads the
 * latest scores. Idempotent: a scored day is never scored again, and a re-run rewrites the same
 * partition object.
 */
import { Value } from '@sinclair/typebox/value';
import { defineTask } from '../../../src/builder';
import { type LakeQueries, type ModelRegistryService, type QueryRow } from '../../../src/services';
import { detectDrift, scoreForecast, type DriftOptions } from '../lib';
import { energyModelName } from '../schemas/model';
import { DriftSettings, ScoreInput, ScoreOutput } from '../schemas/retrain';
import { addDays } from '../feeds/feeds';
import { scoresTable } from '../tables';
import { scoreObjects } from './access';
import { writePartitions, type PartitionWrite } from './partitions';

/**
 * How far back a run looks for forecasts to score. A forecast is scored the day its prices arrive,
 * or when a later run backfills them; looking further back would make every run read the whole
 * lake, a cost that grows with every day it holds.
 */
export const SCORE_LOOKBACK_DAYS = 56;

/** The forecasts of `from` and later whose prices are in the lake and that have no score yet. */
export function unscoredSql(market: string, from: string): string {
  return [
    'SELECT f."date", f.hour, f.p10, f.p50, f.p90, f.model, h.price',
    'FROM energy_forecasts f',
    'JOIN energy_history h ON h.market = f.market AND h."date" = f."date" AND h.hour = f.hour',
    // Each table's own bound on the day, so the lake prunes every table's partitions, not only the forecasts'.
    `WHERE f.market = '${market}' AND f."date" >= '${from}' AND h."date" >= '${from}'`,
    `AND f."date" NOT IN (SELECT s."date" FROM energy_scores s WHERE s.market = '${market}' AND s."date" >= '${from}')`,
    'ORDER BY f."date", f.hour',
  ].join('\n');
}

export function latestScoresSql(market: string, days: number): string {
  return `SELECT "date", mae FROM energy_scores WHERE market = '${market}' ORDER BY "date" DESC LIMIT ${days}`;
}

/** Rows of one delivery day, when all 24 hours have a forecast and a price. */
function completeDays(rows: readonly QueryRow[]): Map<string, QueryRow[]> {
  const byDay = new Map<string, QueryRow[]>();
  for (const row of rows) byDay.set(row.date as string, [...(byDay.get(row.date as string) ?? []), row]);
  for (const [day, hours] of byDay) if (hours.length !== 24 || new Set(hours.map((h) => h.hour)).size !== 24) byDay.delete(day);
  return byDay;
}

export async function driftOf(lake: LakeQueries, models: ModelRegistryService, market: string, settings: DriftOptions): Promise<ReturnType<typeof detectDrift>> {
  const resolved = Value.Default(DriftSettings, { ...settings }) as Required<DriftOptions>;
  const rows = await lake.query(latestScoresSql(market, resolved.recentDays + resolved.referenceDays));
  return detectDrift(rows.map((row) => ({ date: row.date as string, mae: Number(row.mae) })), resolved, await lastDecisionDay(models, market));
}

/** The day the market's latest version was registered: every retrain registers its decision, promoted or not. */
async function lastDecisionDay(models: ModelRegistryService, market: string): Promise<string | undefined> {
  return (await models.latest(energyModelName(market)))?.createdAt.slice(0, 10);
}

export const ScoreForecasts = defineTask({
  name: 'energy-score-forecasts',
  input: ScoreInput,
  output: ScoreOutput,
  access: { lakeQueries: true, catalogUpdates: true, lakeTables: ['energy_forecasts', 'energy_history', 'energy_scores'], objects: [scoreObjects('write')], modelRegistry: true },
  run: async ({ market, drift }, { lake, catalog, objects, clock, models }) => {
    const scoredAt = clock.now().toISOString();
    const writes: PartitionWrite<typeof scoresTable.rows>[] = [];
    const from = addDays(scoredAt.slice(0, 10), -SCORE_LOOKBACK_DAYS);
    for (const [day, hours] of completeDays(await lake.query(unscoredSql(market, from)))) {
      const sorted = [...hours].sort((a, b) => Number(a.hour) - Number(b.hour));
      const column = (name: string) => sorted.map((row) => Number(row[name]));
      const score = scoreForecast(column('price'), { p10: column('p10'), p50: column('p50'), p90: column('p90') });
      writes.push({ table: scoresTable, market, date: day, name: 'scores', rows: [{ model: sorted[0]!.model ?? '', ...score, scoredAt }] });
    }
    await writePartitions(objects, catalog, writes);
    const scoredDays = writes.map((write) => write.date);
    return { market, scoredDays, drift: await driftOf(lake, models, market, drift ?? {}) };
  },
});
