/**
 * What starts the energy workflows: a daily ingestion per market; every ForecastPublished is scored;
 * every AccuracyDegraded, and a weekly schedule, starts a retrain of that market.
 */
import type { RuleDefinition } from '../../src/builder';

/** The markets forecast every day; each has its own feeds (see feeds/config.ts). */
export const ENERGY_MARKETS = ['NP'] as const;

/**
 * Every day at 09:00 UTC, after the exogenous forecasts for tomorrow (08:00) and before tomorrow's
 * auction closes (12:00): ingest and forecast tomorrow. The event's time fixes the day, so a late
 * delivery still forecasts the day it was meant for.
 */
export function dailyIngest(market: string): RuleDefinition {
  return {
    name: `energy-ingest-daily-${market.toLowerCase()}`,
    description: `Ingest ${market}'s feeds and forecast the next day, every day at 09:00 UTC`,
    scheduleExpression: 'cron(0 9 * * ? *)',
    target: { workflow: 'energy-ingest', inputTransformer: { InputPathsMap: { time: '$.time' }, InputTemplate: `{"market": "${market}", "scheduledAt": <time>}` } },
  };
}

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

/** Every Monday at 06:00 UTC a market's retrain; a schedule carries no market of its own, so one rule per market. */
export function weeklyRetrain(market: string): RuleDefinition {
  return {
    name: `energy-retrain-weekly-${market.toLowerCase()}`,
    description: `Retrain ${market} every Monday at 06:00 UTC`,
    scheduleExpression: 'cron(0 6 ? * MON *)',
    target: { workflow: 'energy-retrain', inputTransformer: { InputPathsMap: {}, InputTemplate: `{"market": "${market}", "trigger": "schedule"}` } },
  };
}

export const energyRules: RuleDefinition[] = [...ENERGY_MARKETS.map(dailyIngest), scoreOnForecastPublished, retrainOnAccuracyDegraded, ...ENERGY_MARKETS.map(weeklyRetrain)];

