/**
 * One firing of a schedule as a delivery for the bus's delivery queue (so retries, the retry policy
 * and dead letters work as for rules): the target's input with Scheduler's context attributes
 * filled in, and, for an event-bus target, the event PutEvents would put.
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html
 */
import type { Target as RuleTarget } from '@aws-sdk/client-eventbridge';
import { eventTime, type AwsEvent } from '../bus/aws-event';
import type { DeadLetterContent } from '../bus/delivery-queue';
import type { NewDelivery } from '../bus/delivery-store';
import type { Location } from './arns';
import type { StoredSchedule } from './schedule-store';

export interface Firing {
  readonly schedule: StoredSchedule;
  readonly arn: string;
  /** The occurrence (what `<aws.scheduler.scheduled-time>` says), not the flexible moment it fired. */
  readonly occurrence: number;
  readonly firedAt: number;
  /** A fresh id per firing: `<aws.scheduler.execution-id>` and the event's id. */
  readonly id: string;
}

export function firingDelivery(firing: Firing, location: Location): NewDelivery {
  const target = firing.schedule.definition.Target;
  const input = renderContext(target.Input ?? '{}', firing);
  const ruleTarget: RuleTarget = {
    Id: firing.schedule.name,
    Arn: target.Arn,
    RoleArn: target.RoleArn,
    ...(target.RetryPolicy ? { RetryPolicy: target.RetryPolicy } : {}),
    ...(target.DeadLetterConfig ? { DeadLetterConfig: target.DeadLetterConfig } : {}),
  };
  return { event: targetEvent(firing, input, location), input, ruleArn: firing.arn, target: ruleTarget, ingested: firing.firedAt };
}

/**
 * Scheduler's dead letter: the target's input, with the schedule and target named in the message
 * attributes beside AWS's error code and message.
 */
export const scheduleDeadLetter: DeadLetterContent = (delivery, error, exhausted) => ({
  body: delivery.input,
  attributes: {
    SCHEDULE_ARN: delivery.ruleArn,
    TARGET_ARN: delivery.target.Arn!,
    INVOCATION_ID: delivery.event.id,
    ERROR_CODE: error.code,
    ERROR_MESSAGE: error.message,
    ...(exhausted ? { EXHAUSTED_RETRY_CONDITION: exhausted } : {}),
    RETRY_ATTEMPTS: String(delivery.attempts),
  },
});

/**
 * `<aws.scheduler.schedule-arn>`, `<aws.scheduler.scheduled-time>` and `<aws.scheduler.execution-id>`.
 * `<aws.scheduler.attempt-number>` is left as written: the input is rendered once per firing.
 */
function renderContext(input: string, firing: Firing): string {
  return input
    .replaceAll('<aws.scheduler.schedule-arn>', firing.arn)
    .replaceAll('<aws.scheduler.scheduled-time>', eventTime(firing.occurrence))
    .replaceAll('<aws.scheduler.execution-id>', firing.id);
}

/** What an event-bus target receives: PutEvents with EventBridgeParameters and the input as Detail. */
function targetEvent(firing: Firing, input: string, location: Location): AwsEvent {
  const parameters = firing.schedule.definition.Target.EventBridgeParameters;
  return {
    version: '0',
    id: firing.id,
    'detail-type': parameters?.DetailType ?? 'Scheduled Event',
    source: parameters?.Source ?? 'aws.scheduler',
    account: location.account,
    time: eventTime(firing.firedAt),
    region: location.region,
    resources: [firing.arn],
    detail: jsonObject(input),
  };
}

function jsonObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
