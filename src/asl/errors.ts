/**
 * The error names Step Functions uses, and the error type that carries one.
 * Retry and Catch match on `error` (the name), never on the message.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export const StatesErrors = {
  ALL: 'States.ALL',
  TaskFailed: 'States.TaskFailed',
  Timeout: 'States.Timeout',
  HeartbeatTimeout: 'States.HeartbeatTimeout',
  Runtime: 'States.Runtime',
  DataLimitExceeded: 'States.DataLimitExceeded',
  NoChoiceMatched: 'States.NoChoiceMatched',
  IntrinsicFailure: 'States.IntrinsicFailure',
  ExceedToleratedFailureThreshold: 'States.ExceedToleratedFailureThreshold',
  ItemReaderFailed: 'States.ItemReaderFailed',
  ResultWriterFailed: 'States.ResultWriterFailed',
  BranchFailed: 'States.BranchFailed',
  Permissions: 'States.Permissions',
  ParameterPathFailure: 'States.ParameterPathFailure',
  ResultPathMatchFailure: 'States.ResultPathMatchFailure',
  QueryEvaluationError: 'States.QueryEvaluationError',
} as const;

export type StatesErrorName = (typeof StatesErrors)[keyof typeof StatesErrors];

/**
 * A failure inside a state, as Step Functions reports it: an error name and a cause.
 * `cause` is the detail only; the interpreter prefixes AWS's
 * "An error occurred while executing the state 'X' (entered at the event id #N). " where AWS does.
 */
export class StatesError extends Error {
  constructor(
    readonly error: string,
    override readonly cause?: string,
    /** false when the cause is already complete and must not get the state prefix. */
    readonly prefixWithState = true,
  ) {
    super(cause ? `${error}: ${cause}` : error);
    this.name = 'StatesError';
  }
}

/** States.Runtime: a definition or data problem found while evaluating (bad path, bad type). */
export function runtimeError(cause: string): StatesError {
  return new StatesError(StatesErrors.Runtime, cause);
}

/** States.QueryEvaluationError: a JSONata expression failed or returned an unusable value. */
export function queryEvaluationError(cause: string): StatesError {
  return new StatesError(StatesErrors.QueryEvaluationError, cause);
}

/** States.IntrinsicFailure: an intrinsic function was called with bad arguments. */
export function intrinsicFailure(cause: string): StatesError {
  return new StatesError(StatesErrors.IntrinsicFailure, cause);
}
