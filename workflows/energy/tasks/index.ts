/** The energy-ingest tasks, one `defineTask` each. */
export { CheckHistory, DEFAULT_MARKET } from './check-history';
export { FetchFeed } from './fetch-feed';
export { AppendHistory } from './append-history';
export { BuildFeatures } from './build-features';
export { Forecast } from './forecast';
