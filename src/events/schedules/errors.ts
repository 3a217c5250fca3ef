/**
 * Errors for schedule expressions, carrying the AWS error code and the exact AWS message.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 */
export class ScheduleExpressionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleExpressionError';
  }
}

const VALIDATION = 'ValidationException';

/** EventBridge PutRule answers every malformed expression with this one message. */
export function invalidRuleExpression(): ScheduleExpressionError {
  return new ScheduleExpressionError(VALIDATION, 'Parameter ScheduleExpression is not valid.');
}

/** PutRule rejects any schedule on a bus other than `default`, valid or not. */
export function scheduleOnCustomBus(): ScheduleExpressionError {
  return new ScheduleExpressionError(VALIDATION, 'ScheduleExpression is supported only on the default event bus.');
}

/** EventBridge Scheduler CreateSchedule echoes the expression verbatim (spaces included). */
export function invalidSchedulerExpression(expression: string): ScheduleExpressionError {
  return new ScheduleExpressionError(VALIDATION, `Invalid Schedule Expression ${expression}.`);
}

/** Not recorded in the corpus: the wording is ours, the code is AWS's. */
export function invalidSchedulerTimezone(timezone: string): ScheduleExpressionError {
  return new ScheduleExpressionError(VALIDATION, `Invalid ScheduleExpressionTimezone ${timezone}.`);
}
