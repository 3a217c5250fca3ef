/**
 * Puts the registry's Scheduler schedules into a scheduler (the local one, or anything with the
 * Scheduler API's operations), each targeting its workflow's state machine with StartExecution as
 * Scheduler's templated Step Functions target does. Idempotent across restarts: an unchanged schedule
 * is left alone (so a `rate()` does not start over and nothing fires twice), a changed one is updated,
 * a missing one created, its group first; one the registry no longer declares is deleted, as a deploy
 * deletes it on AWS. The host's schedules are those whose target role is the host's: a user's own
 * schedules, created through the API with their own role, are never touched.
 */
import type * as Api from '@aws-sdk/client-scheduler';
import { DEFAULT_LOCATION, roleArn } from '../location';
import { DEFAULT_SCHEDULE_GROUP, scheduleKey, type ScheduleDefinition } from '../builder/schedule';
import type { WorkflowRegistry } from '../builder/workflow-package';

/** The part of the Scheduler API this needs; the local `Scheduler` has it. */
export interface ScheduleSink {
  getSchedule(input: Api.GetScheduleInput): Api.GetScheduleOutput;
  createSchedule(input: Api.CreateScheduleInput): unknown;
  updateSchedule(input: Api.UpdateScheduleInput): unknown;
  getScheduleGroup(input: Api.GetScheduleGroupInput): unknown;
  createScheduleGroup(input: Api.CreateScheduleGroupInput): unknown;
  listSchedules(input: Api.ListSchedulesInput): Api.ListSchedulesOutput;
  deleteSchedule(input: Api.DeleteScheduleInput): unknown;
}

/** A schedule with the ARN of the state machine it starts. */
export interface RegisteredSchedule {
  readonly schedule: ScheduleDefinition;
  readonly targetArn: string;
}

export const LOCAL_SCHEDULER_ROLE_ARN = roleArn(DEFAULT_LOCATION, 'statecraft-scheduler');

export type ScheduleChange = 'created' | 'updated' | 'unchanged';

/** Every schedule of the registry, with its target's ARN from `stateMachineArn`. */
export function registrySchedules(registry: WorkflowRegistry, stateMachineArn: (workflow: string) => string): RegisteredSchedule[] {
  return registry.workflows.flatMap((entry) => entry.schedules.map((schedule) => ({ schedule, targetArn: stateMachineArn(entry.name) })));
}

/** Creates or updates each schedule; returns what happened to each, in order. */
export function putSchedules(scheduler: ScheduleSink, schedules: readonly RegisteredSchedule[]): ScheduleChange[] {
  return schedules.map(({ schedule, targetArn }) => {
    if (schedule.group !== DEFAULT_SCHEDULE_GROUP && orUndefinedIfMissing(() => scheduler.getScheduleGroup({ Name: schedule.group })) === undefined) {
      scheduler.createScheduleGroup({ Name: schedule.group });
    }
    const request = scheduleRequest(schedule, targetArn, LOCAL_SCHEDULER_ROLE_ARN);
    const existing = orUndefinedIfMissing(() => scheduler.getSchedule({ Name: schedule.name, GroupName: schedule.group }));
    if (!existing) {
      scheduler.createSchedule(request);
      return 'created';
    }
    if (sameSchedule(existing, request)) return 'unchanged';
    scheduler.updateSchedule(request);
    return 'updated';
  });
}

/**
 * Deletes the host's schedules (target role {@link LOCAL_SCHEDULER_ROLE_ARN}) that `schedules` no
 * longer holds; returns their `group/name`.
 */
export function removeUndeclaredSchedules(scheduler: ScheduleSink, schedules: readonly RegisteredSchedule[]): string[] {
  const declared = new Set(schedules.map(({ schedule }) => scheduleKey(schedule)));
  const removed: string[] = [];
  let token: string | undefined;
  do {
    const page = scheduler.listSchedules({ NextToken: token });
    for (const summary of page.Schedules ?? []) {
      const key = scheduleKey({ group: summary.GroupName ?? DEFAULT_SCHEDULE_GROUP, name: summary.Name ?? '' });
      if (declared.has(key)) continue;
      const existing = scheduler.getSchedule({ Name: summary.Name, GroupName: summary.GroupName });
      if (existing.Target?.RoleArn === LOCAL_SCHEDULER_ROLE_ARN) removed.push(key);
    }
    token = page.NextToken;
  } while (token);
  for (const key of removed) {
    const [group, name] = key.split('/');
    scheduler.deleteSchedule({ Name: name, GroupName: group });
  }
  return removed;
}

/** CreateSchedule's request for the schedule: every field explicit, so it compares with GetSchedule's answer. */
export function scheduleRequest(schedule: ScheduleDefinition, targetArn: string, role: string): Api.CreateScheduleInput {
  return {
    Name: schedule.name,
    GroupName: schedule.group,
    ...(schedule.description !== undefined ? { Description: schedule.description } : {}),
    ScheduleExpression: schedule.expression,
    ScheduleExpressionTimezone: schedule.timezone,
    FlexibleTimeWindow: schedule.flexibleWindowMinutes === undefined ? { Mode: 'OFF' } : { Mode: 'FLEXIBLE', MaximumWindowInMinutes: schedule.flexibleWindowMinutes },
    ...(schedule.start ? { StartDate: schedule.start } : {}),
    ...(schedule.end ? { EndDate: schedule.end } : {}),
    State: schedule.enabled ? 'ENABLED' : 'DISABLED',
    ActionAfterCompletion: schedule.actionAfterCompletion,
    Target: {
      Arn: targetArn,
      RoleArn: role,
      Input: JSON.stringify(schedule.target.input),
      RetryPolicy: { MaximumRetryAttempts: schedule.retryPolicy.maximumRetryAttempts, MaximumEventAgeInSeconds: schedule.retryPolicy.maximumEventAgeSeconds },
      ...(schedule.deadLetterQueueArn !== undefined ? { DeadLetterConfig: { Arn: schedule.deadLetterQueueArn } } : {}),
    },
  };
}

function orUndefinedIfMissing<T>(get: () => T): T | undefined {
  try {
    return get();
  } catch (error) {
    // The local Scheduler's errors carry AWS's name as `code`; the SDK's as `name`.
    const { name, code } = error as { name?: unknown; code?: unknown };
    if (name === 'ResourceNotFoundException' || code === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** The fields a schedule's definition sets, in one comparable shape. */
function comparable(schedule: Api.GetScheduleOutput | Api.CreateScheduleInput): string {
  const target = schedule.Target;
  return JSON.stringify([
    schedule.Description ?? null,
    schedule.ScheduleExpression,
    schedule.ScheduleExpressionTimezone ?? 'UTC',
    schedule.FlexibleTimeWindow?.Mode,
    schedule.FlexibleTimeWindow?.MaximumWindowInMinutes ?? null,
    schedule.StartDate?.getTime() ?? null,
    schedule.EndDate?.getTime() ?? null,
    schedule.State ?? 'ENABLED',
    schedule.ActionAfterCompletion ?? 'NONE',
    target?.Arn,
    target?.RoleArn,
    target?.Input ?? null,
    target?.RetryPolicy?.MaximumRetryAttempts ?? null,
    target?.RetryPolicy?.MaximumEventAgeInSeconds ?? null,
    target?.DeadLetterConfig?.Arn ?? null,
  ]);
}

function sameSchedule(existing: Api.GetScheduleOutput, wanted: Api.CreateScheduleInput): boolean {
  return comparable(existing) === comparable(wanted);
}
