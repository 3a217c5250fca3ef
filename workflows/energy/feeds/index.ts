/** The energy package's market-data feeds: the local server that replays a market file, and the client the tasks use. */
export { FEEDS, publicationTime, addDays, daysBetween, isFeed, Day, type FeedName, type FeedAnswer, type FeedDay } from './feeds';
export { FaultRule, FaultTable, type FaultKind } from './faults';
export { WebsiteDownException, DataNotAvailableException, InvalidFeedAnswer, FeedRequestFailed } from './errors';
export { validateAnswer, type ValidDay, type ValidationRequest } from './validate';
export { fetchFeed, type FeedResult } from './client';
export { feedUrl, feedUrlVariable, FEEDS_BASE_VARIABLE } from './config';
export { createFeedServer, type FeedServer } from './server';
export { MarketFiles, MARKET_FILES_VARIABLE, REPLAY_START_VARIABLE, marketOf } from './market-files';
export { feedsEndpoint } from './endpoint';
