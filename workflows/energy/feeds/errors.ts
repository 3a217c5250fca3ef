/**
 * Why a feed could not be read, by the names the workflow's Retry rules match: a feed that is down
 * (HTTP 503 or unreachable) is retried with backoff, data not out yet (or a stale answer) every
 * hour, and an answer that is wrong is not retried at all.
 */
import { TaskFailure } from '../../../src/services';

/** The feed answered 503 or could not be reached. */
export class WebsiteDownException extends TaskFailure {
  constructor(message: string) {
    super('WebsiteDownException', message);
  }
}

/** The day is not published yet, or the feed answered an old publication (stale). */
export class DataNotAvailableException extends TaskFailure {
  constructor(message: string) {
    super('DataNotAvailableException', message);
  }
}

/** The answer breaks the feed's contract: a missing or duplicate hour, a non-numeric value, the wrong day. */
export class InvalidFeedAnswer extends TaskFailure {
  constructor(message: string) {
    super('InvalidFeedAnswer', message);
  }
}

/** Any other refusal (an unknown market, a bad request, no URL configured): retrying cannot help. */
export class FeedRequestFailed extends TaskFailure {
  constructor(message: string) {
    super('FeedRequestFailed', message);
  }
}
