/**
 * The Scheduler schedules deployed in every group with their targets, read through the Scheduler API
 * (ListSchedules, GetSchedule): from the in-process Scheduler for the start banner, from a running
 * server with the SDK for `statecraft workflows`.
 */
import { GetScheduleCommand, ListSchedulesCommand, type GetScheduleOutput, type ListSchedulesOutput, type SchedulerClient } from '@aws-sdk/client-scheduler';

/** The two Scheduler reads, as the local Scheduler answers them and as the SDK does. */
export interface ScheduleReader {
  listSchedules(input: { NextToken?: string }): Promise<ListSchedulesOutput> | ListSchedulesOutput;
  getSchedule(input: { Name: string; GroupName: string }): Promise<GetScheduleOutput> | GetScheduleOutput;
}

export interface DeployedSchedule {
  group: string;
  name: string;
  state: string;
  /** The expression, with its time zone and flexible window when they are not UTC and off. */
  trigger: string;
  description?: string;
  targetArn: string;
}

export function sdkScheduleReader(client: SchedulerClient): ScheduleReader {
  return {
    listSchedules: (input) => client.send(new ListSchedulesCommand(input)),
    getSchedule: (input) => client.send(new GetScheduleCommand(input)),
  };
}

export async function deployedSchedules(reader: ScheduleReader): Promise<DeployedSchedule[]> {
  const schedules: DeployedSchedule[] = [];
  let token: string | undefined;
  do {
    const page = await reader.listSchedules({ NextToken: token });
    for (const summary of page.Schedules ?? []) {
      const schedule = await reader.getSchedule({ Name: summary.Name!, GroupName: summary.GroupName ?? 'default' });
      schedules.push({
        group: schedule.GroupName ?? 'default',
        name: schedule.Name!,
        state: schedule.State ?? 'ENABLED',
        trigger: triggerOf(schedule),
        ...(schedule.Description ? { description: schedule.Description } : {}),
        targetArn: schedule.Target?.Arn ?? '',
      });
    }
    token = page.NextToken;
  } while (token);
  return schedules;
}

/** `default` is left out, as the console and the CLI leave it out of rule names. */
export function scheduleName(schedule: Pick<DeployedSchedule, 'group' | 'name'>): string {
  return schedule.group === 'default' ? schedule.name : `${schedule.group}/${schedule.name}`;
}

function triggerOf(schedule: GetScheduleOutput): string {
  const zone = schedule.ScheduleExpressionTimezone && schedule.ScheduleExpressionTimezone !== 'UTC' ? ` in ${schedule.ScheduleExpressionTimezone}` : '';
  const window = schedule.FlexibleTimeWindow?.Mode === 'FLEXIBLE' ? `, within ${schedule.FlexibleTimeWindow.MaximumWindowInMinutes} min` : '';
  return `${schedule.ScheduleExpression ?? ''}${zone}${window}`;
}
