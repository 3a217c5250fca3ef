/**
 * `energy-ingest`, daily: CheckHistory → FetchFeeds (Parallel: prices, exog1, exog2, each retried as
 * the feeds need) → AppendHistory → BuildFeatures → Forecast → ForecastPublished.
 */
import { defineEvent, defineWorkflow } from '../../src/builder';
import { ForecastPublishedDetail, IngestInput, IngestOutput } from './schemas/ingest';
import { AppendHistory, BuildFeatures, CheckHistory, FetchFeed, Forecast } from './tasks';

export const ForecastPublished = defineEvent({ source: 'statecraft.energy-ingest', detailType: 'ForecastPublished', detail: ForecastPublishedDetail });

export const energyIngest = defineWorkflow(
  { name: 'energy-ingest', input: IngestInput, output: IngestOutput, comment: "A market's feeds appended to the lake, then the champion's probabilistic forecast for the next day" },
  (start) =>
    start
      .task('CheckHistory', { task: CheckHistory, arguments: (s) => s.input, assign: (s) => ({ plan: s.result }) })
      .parallel('FetchFeeds', {
        branches: [
          (b) => b.task('FetchPrices', { task: FetchFeed, arguments: (s) => ({ market: s.vars.plan.market, feed: 'prices' as const, from: s.vars.plan.from, to: s.vars.plan.lastPriceDay, historical: s.vars.plan.historical, rawPrefix: s.vars.plan.rawPrefix }) }).end(),
          (b) => b.task('FetchExog1', { task: FetchFeed, arguments: (s) => ({ market: s.vars.plan.market, feed: 'exog1' as const, from: s.vars.plan.from, to: s.vars.plan.date, historical: s.vars.plan.historical, rawPrefix: s.vars.plan.rawPrefix }) }).end(),
          (b) => b.task('FetchExog2', { task: FetchFeed, arguments: (s) => ({ market: s.vars.plan.market, feed: 'exog2' as const, from: s.vars.plan.from, to: s.vars.plan.date, historical: s.vars.plan.historical, rawPrefix: s.vars.plan.rawPrefix }) }).end(),
        ],
        output: (s) => ({ prices: s.result[0], exog1: s.result[1], exog2: s.result[2] }),
      })
      .task('AppendHistory', { task: AppendHistory, arguments: (s) => ({ plan: s.vars.plan, feeds: s.input }) })
      .task('BuildFeatures', { task: BuildFeatures, arguments: (s) => ({ plan: s.vars.plan, executionName: s.context.Execution.Name }) })
      .task('Forecast', { task: Forecast, arguments: (s) => ({ plan: s.vars.plan, series: s.input }) })
      .emit('EmitForecastPublished', { event: ForecastPublished, detail: (s) => ({ market: s.input.market, date: s.input.date, model: s.input.model, location: s.input.location }) })
      .succeed('Published', { output: (s) => ({ market: s.input.market, date: s.input.date, model: s.input.model, location: s.input.location }) }),
);
