/**
 * What starts energy-score and energy-retrain: every ForecastPublished (from energy-ingest) is
 * scored; every AccuracyDegraded, and a weekly schedule, starts a retrain of that market.
 */
import type { RuleDefinition } from '../../src/builder';

/** The market a schedule retrains: schedules carry no market of their own. */
export const SCHEDULED_MARKET = 'NP';

export const scoreOnForecastPublished: RuleDefinition = {
  name: 'energy-score-on-forecast-published',
  description: 'Score published energy forecasts whose prices have arrived, after every ForecastPublished',
  eventPattern: { source: ['statecraft.energy-ingest'], 'detail-type': ['ForecastPublished'] },
  target: { workflow: 'energy-score', inputTransformer: { InputPathsMap: { market: '$.detail.market' }, InputTemplate: '{"market": <market>}' } },
};

export const retrainOnAccuracyDegraded: RuleDefinition = {
  name: 'energy-retrain-on-accuracy-degraded',
  description: 'Retrain a market whose forecasts drifted',
  eventPattern: { source: ['statecraft.energy-score'], 'detail-type': ['AccuracyDegraded'] },
  target: { workflow: 'energy-retrain', inputTransformer: { InputPathsMap: { market: '$.detail.market' }, InputTemplate: '{"market": <market>, "trigger": "AccuracyDegraded"}' } },
};

export const retrainWeekly: RuleDefinition = {
  name: 'energy-retrain-weekly',
  description: `Retrain ${SCHEDULED_MARKET} every Monday at 06:00 UTC`,
  scheduleExpression: 'cron(0 6 ? * MON *)',
  target: { workflow: 'energy-retrain', inputTransformer: { InputPathsMap: {}, InputTemplate: `{"market": "${SCHEDULED_MARKET}", "trigger": "schedule"}` } },
};

export const RETRAIN_RULES = [scoreOnForecastPublished, retrainOnAccuracyDegraded, retrainWeekly] as const;
