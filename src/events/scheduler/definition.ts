/**
 * What CreateSchedule and UpdateSchedule store: the request's fields, checked as AWS checks them,
 * with AWS's defaults filled in (UTC, ENABLED, NONE, the 185-attempt / 24-hour retry policy), so
 * GetSchedule answers what AWS answers.
 * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_CreateSchedule.html
 */
import type { CreateScheduleInput, FlexibleTimeWindow, Target } from '@aws-sdk/client-scheduler';
import { parseSchedulerSchedule, ScheduleExpressionError, type Schedule } from '../schedules';
import { DEFAULT_MAXIMUM_EVENT_AGE_SECONDS, DEFAULT_MAXIMUM_RETRY_ATTEMPTS } from '../bus/retry-policy';
import { constraintViolation, validation } from './errors';
import { optionalEnum, optionalInteger, optionalString, requireString } from './names';

export type ScheduleState = 'ENABLED' | 'DISABLED';
export type ActionAfterCompletion = 'NONE' | 'DELETE';

export interface ScheduleDefinition {
  readonly ScheduleExpression: string;
  readonly ScheduleExpressionTimezone: string;
  /** Epoch ms. Ignored by `at()` schedules, as on AWS. */
  readonly StartDate?: number;
  /** Epoch ms, exclusive. Ignored by `at()` schedules. */
  readonly EndDate?: number;
  readonly Description?: string;
  readonly State: ScheduleState;
  readonly FlexibleTimeWindow: FlexibleTimeWindow;
  readonly Target: Target;
  readonly ActionAfterCompletion: ActionAfterCompletion;
  readonly KmsKeyArn?: string;
}

/** The request fields both operations share (Name and GroupName are checked by the caller). */
export type ScheduleRequest = Omit<CreateScheduleInput, 'Name' | 'GroupName' | 'ClientToken'>;

const SQS_ARN = /^arn:aws(-[a-z]+)?:sqs:[a-z0-9-]+:\d{12}:[a-zA-Z0-9\-_]+$/;
const ROLE_ARN = /^arn:aws(-[a-z]+)?:iam::\d{12}:role\/[\w+=,.@/-]+$/;

export function checkDefinition(input: ScheduleRequest): ScheduleDefinition {
  const expression = requireString(input.ScheduleExpression, 'scheduleExpression', 256);
  const timezone = optionalString(input.ScheduleExpressionTimezone, 'scheduleExpressionTimezone', 50, 1) ?? 'UTC';
  parseExpression(expression, timezone);
  const startDate = dateMs(input.StartDate, 'startDate');
  const endDate = dateMs(input.EndDate, 'endDate');
  if (startDate !== undefined && endDate !== undefined && startDate >= endDate) throw validation('The StartDate must be before the EndDate.');
  const description = optionalString(input.Description, 'description', 512);
  const kmsKeyArn = optionalString(input.KmsKeyArn, 'kmsKeyArn', 2048, 1);
  return {
    ScheduleExpression: expression,
    ScheduleExpressionTimezone: timezone,
    ...(startDate !== undefined ? { StartDate: startDate } : {}),
    ...(endDate !== undefined ? { EndDate: endDate } : {}),
    ...(description !== undefined ? { Description: description } : {}),
    State: optionalEnum(input.State, 'state', ['ENABLED', 'DISABLED'] as const) ?? 'ENABLED',
    FlexibleTimeWindow: checkWindow(input.FlexibleTimeWindow),
    Target: checkTarget(input.Target),
    ActionAfterCompletion: optionalEnum(input.ActionAfterCompletion, 'actionAfterCompletion', ['NONE', 'DELETE'] as const) ?? 'NONE',
    ...(kmsKeyArn !== undefined ? { KmsKeyArn: kmsKeyArn } : {}),
  };
}

/** @throws ValidationException "Invalid Schedule Expression <expression>." */
export function parseExpression(expression: string, timezone: string): Schedule {
  try {
    return parseSchedulerSchedule(expression, timezone);
  } catch (error) {
    if (error instanceof ScheduleExpressionError) throw validation(error.message);
    throw error;
  }
}

function checkWindow(window: FlexibleTimeWindow | undefined): FlexibleTimeWindow {
  if (window === undefined || window === null || typeof window !== 'object') throw constraintViolation(window, 'flexibleTimeWindow', 'Member must not be null');
  const mode = optionalEnum(window.Mode, 'flexibleTimeWindow.mode', ['OFF', 'FLEXIBLE'] as const);
  if (mode === undefined) throw constraintViolation(undefined, 'flexibleTimeWindow.mode', 'Member must not be null');
  const minutes = optionalInteger(window.MaximumWindowInMinutes, 'flexibleTimeWindow.maximumWindowInMinutes', 1, 1440);
  if (mode === 'FLEXIBLE' && minutes === undefined) throw validation('MaximumWindowInMinutes is required when Mode is FLEXIBLE.');
  return { Mode: mode, ...(minutes !== undefined ? { MaximumWindowInMinutes: minutes } : {}) };
}

function checkTarget(target: Target | undefined): Target {
  if (target === undefined || target === null || typeof target !== 'object') throw constraintViolation(target, 'target', 'Member must not be null');
  const arn = requireString(target.Arn, 'target.arn', 1600);
  const roleArn = requireString(target.RoleArn, 'target.roleArn', 1600);
  if (!ROLE_ARN.test(roleArn)) throw constraintViolation(roleArn, 'target.roleArn', 'Member must satisfy regular expression pattern: ^arn:aws(-[a-z]+)?:iam::\\d{12}:role\\/[\\w+=,.@\\/-]+$');
  const input = optionalString(target.Input, 'target.input', 8192, 1);
  const queueArn = target.DeadLetterConfig?.Arn;
  if (queueArn !== undefined && !SQS_ARN.test(queueArn)) {
    throw constraintViolation(queueArn, 'target.deadLetterConfig.arn', 'Member must satisfy regular expression pattern: ^arn:aws(-[a-z]+)?:sqs:[a-z0-9\\-]+:\\d{12}:[a-zA-Z0-9\\-_]+$');
  }
  const policy = target.RetryPolicy;
  const attempts = optionalInteger(policy?.MaximumRetryAttempts, 'target.retryPolicy.maximumRetryAttempts', 0, 185);
  const age = optionalInteger(policy?.MaximumEventAgeInSeconds, 'target.retryPolicy.maximumEventAgeInSeconds', 60, 86400);
  if (arn.split(':')[2] === 'events' && !target.EventBridgeParameters) {
    throw validation('EventBridgeParameters (DetailType and Source) are required when the target is an event bus.');
  }
  return {
    ...target,
    Arn: arn,
    RoleArn: roleArn,
    ...(input !== undefined ? { Input: input } : {}),
    RetryPolicy: { MaximumEventAgeInSeconds: age ?? DEFAULT_MAXIMUM_EVENT_AGE_SECONDS, MaximumRetryAttempts: attempts ?? DEFAULT_MAXIMUM_RETRY_ATTEMPTS },
  };
}

/** Dates arrive as Dates from the SDK types and as epoch seconds over the wire (converted by the handler). */
function dateMs(value: unknown, member: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (!Number.isFinite(ms)) throw constraintViolation(value, member, 'Member must be a timestamp');
  return ms;
}
