/**
 * Where each feed is. On AWS the CDK app sets one variable per market and feed
 * (`ENERGY_FEED_URL_<MARKET>_<FEED>`, e.g. `ENERGY_FEED_URL_NP_PRICES`); locally `statecraft serve`
 * sets the base of its own feed server (`ENERGY_FEEDS_URL`, the feeds being `<base>/<market>/<feed>`).
 */
import { FeedRequestFailed } from './errors';
import type { FeedName } from './feeds';

export const FEEDS_BASE_VARIABLE = 'ENERGY_FEEDS_URL';

export function feedUrlVariable(market: string, feed: FeedName): string {
  return `ENERGY_FEED_URL_${market.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${feed.toUpperCase()}`;
}

export function feedUrl(market: string, feed: FeedName, env: NodeJS.ProcessEnv = process.env): string {
  const own = env[feedUrlVariable(market, feed)];
  if (own) return own;
  const base = env[FEEDS_BASE_VARIABLE];
  if (base) return `${base.replace(/\/$/, '')}/${encodeURIComponent(market)}/${feed}`;
  throw new FeedRequestFailed(`No URL for feed ${feed} of ${market}: set ${feedUrlVariable(market, feed)} (or ${FEEDS_BASE_VARIABLE}).`);
}
