/**
 * energy-retrain end to end in the local runtime on a small window of NP: members trained from the
 * lake, the champion and the candidates backtested on the same days, and the decision recorded in
 * the model registry both ways — kept (rejected version) and promoted (approved version, then the
 * champion of the next run, with ModelPromoted emitted).
 */
import { runWorkflow } from '../../../src/host';
import { DATA_BUCKET } from '../../../workflows/data-bucket';
import type { ForecasterConfig } from '../../../workflows/energy/schemas/model';
import { historyBoundsSql, historySql } from '../../../workflows/energy/tasks/lake-reads';
import { trinoSyntaxErrors } from '../../support/trino-sql';
import { openEnergyFixture, type EnergyFixture } from './lake-fixture';

let f: EnergyFixture;
const band = { method: 'conformal', calibrationDays: 7, recentDays: 7, recentWeight: 0.5 } as const;
/** A weak champion on these days: the 56-day window alone (the 28-day window alone does better). */
const champion: ForecasterConfig = { windows: [56], weights: [1], band };
const candidates = [
  { name: 'pair/equal', windows: [28, 56], weighting: 'equal', band },
  { name: 'pair/inverse-mae', windows: [28, 56], weighting: 'inverse-mae', band },
  { name: 'short', windows: [28], weighting: 'equal', band },
];
const input = (margin: number) => ({ market: 'NP', trigger: 'test', backtestDays: 7, fitDays: 7, margin, candidates });

interface RetrainResult {
  status: 'Promoted' | 'ChampionKept';
  decision: { promote: boolean; reason: string; challenger: { name: string; metrics: { mae: number } }; championMetrics: { mae: number }; ranking: { name: string }[] };
  version: { modelName: string; version: number; status: string; reason: string; config: ForecasterConfig };
}

beforeAll(async () => {
  f = await openEnergyFixture('2013-05-01T06:00:00Z');
  await f.appendHistory('2013-01-01', '2013-04-30');
  const models = f.runtime.services.models;
  const v1 = await models.register({ modelName: 'energy-NP', kind: 'lear-ensemble', artefact: { bucket: DATA_BUCKET, key: 'seed/champion.json' }, hyperparameters: { ...champion }, metrics: {}, executionArn: 'seed' });
  await models.approve('energy-NP', v1.version, 'the test’s weak champion');
}, 120_000);
afterAll(() => f.close());

test('its SQL is valid Trino', () => {
  expect(trinoSyntaxErrors(historyBoundsSql('NP'))).toEqual([]);
  expect(trinoSyntaxErrors(historySql('NP', '2013-01-01', '2013-04-30'))).toEqual([]);
});

test('a challenger that does not clear the margin is recorded as rejected, and the champion stays', async () => {
  const result = await runWorkflow(f.runtime, 'energy-retrain', input(1));
  expect([result.status, result.error, result.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
  const output = result.output as unknown as RetrainResult;
  expect(output.status).toBe('ChampionKept');
  expect(output.decision.ranking.map((r) => r.name).sort()).toEqual(['champion', ...candidates.map((c) => c.name)].sort());
  expect(output.version).toMatchObject({ modelName: 'energy-NP', version: 2, status: 'Rejected' });
  expect(output.version.reason).toMatch(/^Champion kept: challenger MAE .* does not beat the champion's MAE/);
  const stored = await f.runtime.services.models.get('energy-NP', 2);
  expect(stored.hyperparameters).toEqual(output.version.config);
  expect(stored.metrics).toMatchObject({ backtestDays: 7, championMae: output.decision.championMetrics.mae });
  expect(stored.dataset?.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(stored.executionArn).toBe(result.executionArn);
  expect(f.published.filter((e) => (e as { DetailType?: string }).DetailType === 'ModelPromoted')).toHaveLength(0);
}, 300_000);

test('a challenger that beats the champion is approved, announced, and is the next run’s champion', async () => {
  const result = await runWorkflow(f.runtime, 'energy-retrain', input(0));
  expect([result.status, result.error, result.cause]).toEqual(['SUCCEEDED', undefined, undefined]);
  const output = result.output as unknown as RetrainResult;
  expect(output.decision.challenger.metrics.mae).toBeLessThan(output.decision.championMetrics.mae);
  expect(output.status).toBe('Promoted');
  expect(output.version).toMatchObject({ modelName: 'energy-NP', version: 3, status: 'Approved' });
  expect(output.version.reason).toMatch(/^Promoted: challenger MAE .* beats the champion's/);
  const announced = f.published.filter((e) => (e as { DetailType?: string }).DetailType === 'ModelPromoted');
  expect(announced).toHaveLength(1);
  expect((announced[0] as { Detail: unknown }).Detail).toMatchObject({ market: 'NP', modelName: 'energy-NP', version: 3, config: output.version.config });

  // The promoted version is now the champion: the next run backtests its config.
  const next = await runWorkflow(f.runtime, 'energy-retrain', input(1));
  const plan = (next.output as unknown as RetrainResult).decision;
  expect(plan.championMetrics.mae).toBeCloseTo(output.decision.challenger.metrics.mae, 0);
}, 300_000);
