/**
 * PlanRetrain: the champion (the market's latest approved version, or the default forecaster),
 * the candidates, and the span of days the decision reads — the backtest days right before the
 * first day without prices, the fitting days before them, and the band's calibration days before
 * those. Fingerprints the span's history for the version's lineage.
 */
import { createHash } from 'node:crypto';
import { Value } from '@sinclair/typebox/value';
import { defineTask } from '../../../src/builder';
import { TaskFailure } from '../../../src/services';
import { DATA_BUCKET } from '../../data-bucket';
import { defaultCandidates, RETRAIN_DEFAULTS, retrainPlan, WINDOW_POOL } from '../lib';
import { energyModelName } from '../schemas/model';
import { PlanInput, PlanOutput, RetrainInput } from '../schemas/retrain';
import { historyTable } from '../tables';
import { addDays, daysBetween, historyBounds, historyOf, historySql } from './lake-reads';
import { RETRAIN_RUNS_PREFIX, retrainRuns } from './access';
import { championOf, MIN_MEMBER_HISTORY_DAYS } from './champion';

export const PlanRetrain = defineTask({
  name: 'energy-retrain-plan',
  input: PlanInput,
  output: PlanOutput,
  access: { lakeQueries: true, lakeTables: ['energy_history'], modelRegistry: true, objects: [retrainRuns('write')] },
  run: async ({ input: raw, executionName }, { lake, models, objects }) => {
    const input = Value.Default(RetrainInput, structuredClone(raw)) as RetrainInput;
    const { market, backtestDays = RETRAIN_DEFAULTS.backtestDays, fitDays = RETRAIN_DEFAULTS.fitDays, margin = RETRAIN_DEFAULTS.margin } = input;
    const modelName = energyModelName(market);
    const { version, forecaster } = await championOf(models, market);
    const champion = { version, config: forecaster };
    const candidates = input.candidates ?? defaultCandidates(input.windows ?? WINDOW_POOL);
    const calibration = Math.max(champion.config.band.calibrationDays, ...candidates.map((c) => c.band.calibrationDays));
    const bounds = await historyBounds(lake, market);
    const decisionDay = addDays(bounds.last, 1);
    const spanDays = calibration + fitDays + backtestDays;
    const from = addDays(decisionDay, -spanDays);
    if (daysBetween(bounds.first, from) < MIN_MEMBER_HISTORY_DAYS) {
      throw new TaskFailure('InsufficientHistory', `${market} has history from ${bounds.first} to ${bounds.last}; retraining needs ${spanDays + MIN_MEMBER_HISTORY_DAYS} days (${calibration} of band calibration, ${fitDays} fitting, ${backtestDays} backtest, ${MIN_MEMBER_HISTORY_DAYS} of lead).`);
    }
    const plan = retrainPlan(spanDays, { backtestDays, fitDays });
    const windows = [...new Set([...candidates.flatMap((c) => c.windows), ...champion.config.windows])].sort((a, b) => a - b);
    const rows = await lake.query(historySql(market, from, bounds.last));
    const fingerprint = `sha256:${createHash('sha256').update(JSON.stringify(rows)).digest('hex')}`;
    const runPrefix = `${RETRAIN_RUNS_PREFIX}${executionName}/`;
    const actual = { bucket: DATA_BUCKET, key: `${runPrefix}actual.json` };
    await objects.putText(actual, JSON.stringify(Array.from(historyOf(rows, market, from, bounds.last).price)), 'application/json');
    return {
      market,
      modelName,
      champion,
      span: { from, to: bounds.last, decisionDay },
      plan,
      windows,
      candidates,
      items: [{ champion: champion.config }, ...candidates.map((candidate) => ({ candidate }))],
      runPrefix,
      history: { location: { bucket: DATA_BUCKET, key: `${historyTable.prefix}market=${market}/` }, fingerprint },
      actual,
      margin,
      fitDays,
    };
  },
});
