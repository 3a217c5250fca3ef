import { parseAtBody } from './at';
import { parseCronBody } from './cron';
import {
  invalidRuleExpression,
  invalidSchedulerExpression,
  invalidSchedulerTimezone,
  scheduleOnCustomBus,
} from './errors';
import { parseRateBody } from './rate';
import type { Schedule } from './schedule';
import { isKnownTimezone } from './zone-time';

const DEFAULT_EVENT_BUS = 'default';

export interface RuleScheduleOptions {
  /** The bus PutRule targets; schedules are only allowed on `default`. @default 'default' */
  readonly eventBusName?: string;
}

/**
 * Parses an EventBridge rule `ScheduleExpression` (`rate(...)` or `cron(...)`, always UTC).
 * @throws ScheduleExpressionError with AWS's code and message.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 */
export function parseRuleSchedule(expr: string, options: RuleScheduleOptions = {}): Schedule {
  if ((options.eventBusName ?? DEFAULT_EVENT_BUS) !== DEFAULT_EVENT_BUS) throw scheduleOnCustomBus();
  const call = splitCall(expr);
  // A rule's first rate firing comes one interval after the rule is created.
  const schedule =
    call?.name === 'rate'
      ? parseRateBody(call.body, expr, false)
      : call?.name === 'cron'
        ? parseCronBody(call.body, expr, 'UTC')
        : undefined;
  if (!schedule) throw invalidRuleExpression();
  return schedule;
}

/**
 * Parses an EventBridge Scheduler `ScheduleExpression` (`at(...)`, `rate(...)` or `cron(...)`)
 * evaluated in `timezone` (`ScheduleExpressionTimezone`).
 * @param timezone IANA zone name. @default 'UTC'
 * @throws ScheduleExpressionError with AWS's code and message.
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */
export function parseSchedulerSchedule(expr: string, timezone = 'UTC'): Schedule {
  if (!isKnownTimezone(timezone)) throw invalidSchedulerTimezone(timezone);
  const call = splitCall(expr);
  const schedule = call && parseSchedulerCall(call.name, call.body, expr, timezone);
  if (!schedule) throw invalidSchedulerExpression(expr);
  return schedule;
}

function parseSchedulerCall(name: string, body: string, expr: string, timezone: string): Schedule | undefined {
  switch (name) {
    case 'at':
      return parseAtBody(body, expr, timezone);
    case 'rate':
      // Without a StartDate a Scheduler rate schedule starts invoking immediately; it takes
      // `rate(2 minute)` as AWS's Scheduler does (recorded by LocalStack's UpdateSchedule test).
      return parseRateBody(body, expr, true, false);
    case 'cron':
      return parseCronBody(body, expr, timezone);
    default:
      return undefined;
  }
}

/** `name(body)` with nothing before or after; AWS rejects surrounding whitespace. */
function splitCall(expr: string): { name: string; body: string } | undefined {
  const match = /^([a-z]+)\((.*)\)$/.exec(expr);
  return match ? { name: match[1], body: match[2] } : undefined;
}
