/**
 * The energy workflow package: day-ahead electricity prices — `energy-ingest` (the market's feeds
 * into the lake, then the champion's P10/P50/P90 forecast for the next day), `energy-score` (each
 * published forecast scored once its prices are known) and `energy-retrain` (weekly and on
 * `AccuracyDegraded`: candidates backtested against the champion, the better one promoted), their
 * rules, their lake tables, and the feed server `statecraft serve` runs as the feeds' local stand-in.
 */
import { join } from 'node:path';
import { defineWorkflowPackage } from '../../src/builder';
import { dataBucket } from '../data-bucket';
import { energyCommands } from './commands';
import { feedUrlVariable } from './feeds/config';
import { feedsEndpoint } from './feeds/endpoint';
import { FEEDS } from './feeds/feeds';
import { energyIngest } from './ingest';
import { energyRetrain } from './retrain';
import { ENERGY_MARKETS, energyRules } from './rules';
import { energyScore } from './score';
import { ENERGY_TABLES } from './tables';

/** On AWS each feed's URL is a setting of the deployment (CDK context of the same name); unset, the fetch fails saying which. */
const feedSettings = Object.fromEntries(ENERGY_MARKETS.flatMap((market) => FEEDS.map((feed) => [feedUrlVariable(market, feed), ''])));

export const energyPackage = defineWorkflowPackage({
  module: __filename,
  workflows: [energyIngest, energyScore, energyRetrain],
  rules: energyRules,
  buckets: [dataBucket],
  tables: [...ENERGY_TABLES],
  endpoints: [feedsEndpoint],
  resultViews: [{ workflow: 'energy-ingest', title: 'Forecast with its P10–P90 band against actual prices', module: join(__dirname, 'console/forecast-view.js') }],
  environment: feedSettings,
  commands: energyCommands,
});

export { energyIngest, ForecastPublished } from './ingest';
export { energyRetrain, ModelPromoted } from './retrain';
export { energyScore, AccuracyDegraded } from './score';
