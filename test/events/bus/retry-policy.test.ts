import { backoffMs, decideRetry } from '../../../src/events/bus/retry-policy';

const T0 = 1_000_000;

test.each([
  [0, 1_000],
  [1, 2_000],
  [4, 16_000],
  [8, 256_000],
  [9, 300_000],
  [100, 300_000],
])('backoff after %i retries is %i ms', (retries, expected) => {
  expect(backoffMs(retries)).toBe(expected);
});

test.each([
  ['defaults allow a retry', undefined, 0, T0, { retry: true, due: T0 + 1_000 }],
  ['185 retries by default', undefined, 185, T0, { retry: false, condition: 'MaximumRetryAttempts' }],
  ['zero retries dead-letter at once', { MaximumRetryAttempts: 0 }, 0, T0, { retry: false, condition: 'MaximumRetryAttempts' }],
  ['the attempt limit wins when both are reached', { MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 60 }, 1, T0 + 60_000, { retry: false, condition: 'MaximumRetryAttempts' }],
  ['an attempt due past the age limit is not made', { MaximumEventAgeInSeconds: 60 }, 0, T0 + 59_500, { retry: false, condition: 'MaximumEventAgeInSeconds' }],
  ['an attempt due exactly at the age limit is made', { MaximumEventAgeInSeconds: 60 }, 0, T0 + 59_000, { retry: true, due: T0 + 60_000 }],
  ['24 hours by default', undefined, 20, T0 + 86_400_000 - 200_000, { retry: false, condition: 'MaximumEventAgeInSeconds' }],
])('%s', (_, policy, retriesDone, now, expected) => {
  expect(decideRetry(policy, retriesDone, T0, now)).toEqual(expected);
});
