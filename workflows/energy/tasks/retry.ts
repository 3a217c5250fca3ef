/**
 * The feeds' retries, exactly the seed's: data not out yet (or stale) is asked for again every hour,
 * eight attempts in all; a feed that is down is retried after one hour, then two, four, eight —
 * five attempts. On the virtual clock these waits take no real time; the history shows every attempt.
 */
import type { Retrier } from '../../../src/asl/definition';

export const FEED_RETRY: Retrier[] = [
  { ErrorEquals: ['DataNotAvailableException'], IntervalSeconds: 3600, BackoffRate: 1.0, MaxAttempts: 8 },
  { ErrorEquals: ['WebsiteDownException'], IntervalSeconds: 3600, BackoffRate: 2.0, MaxAttempts: 5 },
];

/** Lambda's own transient failures and a crashed compute worker: worth a quick retry, never a bad answer. */
export const TRANSIENT: Retrier[] = [
  {
    ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException', 'ComputeWorkerError'],
    IntervalSeconds: 1,
    MaxAttempts: 3,
    BackoffRate: 2,
  },
];
