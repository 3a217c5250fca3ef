/**
 * What happens after a failed delivery attempt: another attempt later, or the dead-letter queue.
 * AWS retries for up to 24 hours and 185 times with exponential backoff and jitter; we leave out
 * the jitter so that runs on the virtual clock are reproducible.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-retry-policy.html
 */
import type { RetryPolicy } from '@aws-sdk/client-eventbridge';

export const DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 185;
export const DEFAULT_MAXIMUM_EVENT_AGE_SECONDS = 86_400;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5 * 60_000;

/** AWS names the exhausted limit after the RetryPolicy field. */
export type ExhaustedRetryCondition = 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';

export type RetryDecision = { retry: true; due: number } | { retry: false; condition: ExhaustedRetryCondition };

/**
 * @param retriesDone retries already made before this failure (0 after the first attempt)
 * @param ingested when the bus accepted the event (epoch ms)
 */
export function decideRetry(policy: RetryPolicy | undefined, retriesDone: number, ingested: number, nowMs: number): RetryDecision {
  const maxAttempts = policy?.MaximumRetryAttempts ?? DEFAULT_MAXIMUM_RETRY_ATTEMPTS;
  const maxAgeMs = (policy?.MaximumEventAgeInSeconds ?? DEFAULT_MAXIMUM_EVENT_AGE_SECONDS) * 1000;
  if (retriesDone >= maxAttempts) return { retry: false, condition: 'MaximumRetryAttempts' };
  const due = nowMs + backoffMs(retriesDone);
  if (due - ingested > maxAgeMs) return { retry: false, condition: 'MaximumEventAgeInSeconds' };
  return { retry: true, due };
}

/** 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffMs(retriesDone: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** retriesDone, MAX_DELAY_MS);
}
