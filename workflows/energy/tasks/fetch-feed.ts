/**
 * FetchFeed: one feed's answer for the plan's days, kept as received under the run's time-stamped
 * prefix (each attempt its own object), then validated whole. A feed that is down, data not yet out
 * or stale fail with the names the retries match; a wrong answer fails for good, before anything is
 * appended.
 */
import { defineTask } from '../../../src/builder';
import { fetchFeed } from '../feeds/client';
import { feedUrl } from '../feeds/config';
import { FetchFeedInput, FetchFeedOutput } from '../schemas/ingest';
import { DATA_BUCKET } from '../../data-bucket';
import { objectsUnder, RAW_PREFIX, timeStamp } from './access';
import { FEED_RETRY } from './retry';

export const FetchFeed = defineTask({
  name: 'energy-fetch-feed',
  input: FetchFeedInput,
  output: FetchFeedOutput,
  access: { objects: [objectsUnder(RAW_PREFIX, 'write')] },
  retry: FEED_RETRY,
  timeoutSeconds: 120,
  run: async (input, { objects, clock }): Promise<FetchFeedOutput> => {
    const { market, feed, from, to } = input;
    const raw = { bucket: DATA_BUCKET, key: `${input.rawPrefix}${feed}/${timeStamp(clock.now())}.json` };
    const { days } = await fetchFeed(feedUrl(market, feed), { market, feed, from, to, leadingGapAllowed: input.historical }, (text) => objects.putText(raw, text, 'application/json'));
    return { feed, raw, first: days[0].day, last: days[days.length - 1].day, days: days.length };
  },
});
