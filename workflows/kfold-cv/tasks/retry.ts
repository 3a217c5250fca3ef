/** Retry rules the kfold-cv tasks share. */
import type { Retrier } from '../../../src/asl/definition';

/** Errors worth retrying: Lambda's own transient failures and a crashed compute worker; never a bad dataset. */
export const transient: Retrier[] = [
  {
    ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException', 'ComputeWorkerError'],
    IntervalSeconds: 1,
    MaxAttempts: 3,
    BackoffRate: 2,
  },
];
