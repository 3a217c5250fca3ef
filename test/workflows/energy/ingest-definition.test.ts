/** energy-ingest as ASL: the feeds' retries exactly, and the daily rule's input is a valid workflow input. */
import { Value } from '@sinclair/typebox/value';
import { energyIngest, energyPackage } from '../../../workflows/energy';
import { IngestInput } from '../../../workflows/energy/schemas/ingest';

const definition = energyIngest.definition() as unknown as { States: Record<string, { Type: string; Branches?: { States: Record<string, { Retry?: unknown }> }[] }> };

test('the states run in order: CheckHistory, FetchFeeds (three branches), AppendHistory, BuildFeatures, Forecast, the event', () => {
  expect(Object.keys(definition.States)).toEqual(['CheckHistory', 'FetchFeeds', 'AppendHistory', 'BuildFeatures', 'Forecast', 'EmitForecastPublished', 'Published']);
  expect(definition.States.FetchFeeds.Branches!.map((branch) => Object.keys(branch.States))).toEqual([['FetchPrices'], ['FetchExog1'], ['FetchExog2']]);
});

test.each(['FetchPrices', 'FetchExog1', 'FetchExog2'])('%s retries DataNotAvailable hourly 8 times and WebsiteDown with backoff 2.0, 5 times', (state) => {
  const branch = definition.States.FetchFeeds.Branches!.find((b) => state in b.States)!;
  expect(branch.States[state].Retry).toEqual([
    { ErrorEquals: ['DataNotAvailableException'], IntervalSeconds: 3600, BackoffRate: 1, MaxAttempts: 8 },
    { ErrorEquals: ['WebsiteDownException'], IntervalSeconds: 3600, BackoffRate: 2, MaxAttempts: 5 },
  ]);
});

test("the daily rule fires at 09:00 UTC and its input is a valid energy-ingest input naming the market and the event's time", () => {
  const [rule] = energyPackage.rules;
  expect(rule.scheduleExpression).toBe('cron(0 9 * * ? *)');
  const input = JSON.parse(rule.target.inputTransformer!.InputTemplate.replace('<time>', '"2018-01-01T09:00:00Z"'));
  expect(input).toEqual({ market: 'NP', scheduledAt: '2018-01-01T09:00:00Z' });
  expect(Value.Check(IngestInput, input)).toBe(true);
});

test('the package declares its tables, the feeds endpoint and one URL setting per feed', () => {
  expect(energyPackage.tables.map((table) => table.name)).toEqual(['energy_history', 'energy_forecasts', 'energy_exogenous', 'energy_backcasts', 'energy_scores']);
  expect(energyPackage.endpoints.map((endpoint) => endpoint.name)).toEqual(['feeds']);
  expect(Object.keys(energyPackage.environment)).toEqual(['ENERGY_FEED_URL_NP_PRICES', 'ENERGY_FEED_URL_NP_EXOG1', 'ENERGY_FEED_URL_NP_EXOG2']);
});
