/** What starts the energy workflows. */
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

export const energyRules: RuleDefinition[] = ENERGY_MARKETS.map(dailyIngest);
