/**
 * energy-score in the local runtime: published forecasts whose prices are in the lake are scored
 * once each into energy_scores, and a week whose MAE drifts beyond the threshold emits AccuracyDegraded.
 */
import { runWorkflow } from '../../../src/host';
import type { ScoreOutput } from '../../../workflows/energy/schemas/retrain';
import { addDays } from '../../../workflows/energy/tasks/lake-reads';
import { latestScoresSql, SCORE_LOOKBACK_DAYS, unscoredSql } from '../../../workflows/energy/tasks/score-forecasts';
import { trinoSyntaxErrors } from '../../support/trino-sql';
import { openEnergyFixture, type EnergyFixture } from './lake-fixture';

let f: EnergyFixture;
const FIRST = '2014-03-01';

beforeAll(async () => {
  f = await openEnergyFixture('2014-04-10T10:00:00Z');
  await f.appendHistory(FIRST, addDays(FIRST, 34));
  // 28 days off by 1 EUR/MWh, then a week off by 3; a day without prices yet is not scored.
  for (let k = 0; k < 36; k++) await f.publishForecast(addDays(FIRST, k), (h) => (k < 28 ? 1 : 3) * (h % 2 === 0 ? 1 : -1), 2);
});
afterAll(() => f.close());

test('its SQL is valid Trino', () => {
  expect(trinoSyntaxErrors(unscoredSql('NP', '2014-03-01'))).toEqual([]);
  expect(trinoSyntaxErrors(latestScoresSql('NP', 35))).toEqual([]);
});

test('every published day with prices is scored once; a drifted week emits AccuracyDegraded', async () => {
  const first = await runWorkflow(f.runtime, 'energy-score', { market: 'NP' });
  expect([first.status, first.error, first.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
  const output = first.output as ScoreOutput;
  expect(output.scoredDays).toHaveLength(35);
  expect(output.scoredDays).not.toContain(addDays(FIRST, 35));
  expect(output.drift).toMatchObject({ degraded: true, rollingMae: 3, referenceMae: 1, ratio: 3 });
  const degraded = f.published.filter((e) => (e as { DetailType?: string }).DetailType === 'AccuracyDegraded');
  expect(degraded).toHaveLength(1);
  expect((degraded[0] as { Detail: unknown }).Detail).toMatchObject({ market: 'NP', rollingMae: 3, referenceMae: 1, ratio: 3 });

  const rows = await f.runtime.services.lake.query(`SELECT "date", mae, coverage, hours FROM energy_scores WHERE market = 'NP' ORDER BY "date"`);
  expect(rows).toHaveLength(35);
  expect(rows[0]).toMatchObject({ date: FIRST, hours: '24' });
  expect(Number(rows[0]!.mae)).toBeCloseTo(1, 9);
  // ±1 inside a ±2 band covers every hour; ±3 covers none.
  expect(Number(rows[0]!.coverage)).toBe(1);
  expect(Number(rows[34]!.coverage)).toBe(0);

  const again = await runWorkflow(f.runtime, 'energy-score', { market: 'NP' });
  expect((again.output as ScoreOutput).scoredDays).toEqual([]);
  expect(await f.runtime.services.lake.query(`SELECT count(*) AS n FROM energy_scores WHERE market = 'NP'`)).toEqual([{ n: '35' }]);
});

test('a drift a retraining decision has judged is reported, not announced again', async () => {
  // A decision registered now (2014-04-10) saw the drifted week (03-29..04-04) the scores end with.
  await f.runtime.services.models.register({ modelName: 'energy-NP', kind: 'lear-ensemble', artefact: { bucket: 'data', key: 'models/energy-NP.json' }, hyperparameters: {}, metrics: {}, executionArn: 'test' });
  const before = f.published.length;
  const result = await runWorkflow(f.runtime, 'energy-score', { market: 'NP' });
  expect(result.status).toBe('SUCCEEDED');
  const drift = (result.output as ScoreOutput).drift;
  expect(drift).toMatchObject({ degraded: false, rollingMae: 3, referenceMae: 1, ratio: 3 });
  expect(drift.reason).toContain('a retraining decision on 2014-04-10 saw part of that span');
  expect(f.published.slice(before)).toEqual([]);
});

test(`a forecast older than ${SCORE_LOOKBACK_DAYS} days whose prices arrive late is left unscored: runs never read the whole lake`, async () => {
  const old = addDays('2014-04-10', -SCORE_LOOKBACK_DAYS - 1);
  await f.appendHistory(old, old);
  await f.publishForecast(old, () => 1, 2);
  const result = await runWorkflow(f.runtime, 'energy-score', { market: 'NP' });
  expect([result.status, (result.output as ScoreOutput).scoredDays]).toEqual(['SUCCEEDED', []]);
});

test('a market name that is not a plain identifier is refused before any SQL', async () => {
  await expect(runWorkflow(f.runtime, 'energy-score', { market: "NP' OR '1'='1" })).rejects.toThrow(/market must match pattern/);
});
