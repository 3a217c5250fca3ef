/**
 * The Scheduler's operations by HTTP method and path, each reading its path label, query
 * parameters and body into the `@aws-sdk/client-scheduler` input shape.
 * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/API_Operations.html
 */
import type * as Api from '@aws-sdk/client-scheduler';
import type { Scheduler } from '../../events/scheduler';
import { epochSecondsToDate, queryNumber } from './protocol';

export interface RestCall {
  /** The decoded `{Name}` or `{ResourceArn}` label, if the path has one. */
  label?: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

type Operation = (scheduler: Scheduler, call: RestCall) => unknown;

interface Route {
  method: string;
  /** `schedules`, `schedule-groups` or `tags`, with or without a label after it. */
  collection: string;
  labelled: boolean;
  run: Operation;
}

/**
 * Create and Update take the same body; dates arrive as epoch seconds. The shape is only asserted
 * here: the Scheduler checks every member it reads.
 */
function scheduleBody(call: RestCall): Api.CreateScheduleInput {
  return { ...call.body, Name: call.label, StartDate: epochSecondsToDate(call.body.StartDate), EndDate: epochSecondsToDate(call.body.EndDate) } as Api.CreateScheduleInput;
}

function optional(query: URLSearchParams, name: string): string | undefined {
  return query.get(name) ?? undefined;
}

const ROUTES: Route[] = [
  { method: 'POST', collection: 'schedules', labelled: true, run: (s, c) => s.createSchedule(scheduleBody(c)) },
  { method: 'PUT', collection: 'schedules', labelled: true, run: (s, c) => s.updateSchedule(scheduleBody(c)) },
  { method: 'GET', collection: 'schedules', labelled: true, run: (s, c) => s.getSchedule({ Name: c.label, GroupName: optional(c.query, 'groupName') }) },
  { method: 'DELETE', collection: 'schedules', labelled: true, run: (s, c) => s.deleteSchedule({ Name: c.label, GroupName: optional(c.query, 'groupName') }) },
  {
    method: 'GET',
    collection: 'schedules',
    labelled: false,
    run: (s, c) =>
      s.listSchedules({
        GroupName: optional(c.query, 'ScheduleGroup'),
        NamePrefix: optional(c.query, 'NamePrefix'),
        State: optional(c.query, 'State'),
        NextToken: optional(c.query, 'NextToken'),
        MaxResults: queryNumber(c.query.get('MaxResults')),
      } as Api.ListSchedulesInput),
  },
  { method: 'POST', collection: 'schedule-groups', labelled: true, run: (s, c) => s.createScheduleGroup({ ...c.body, Name: c.label } as Api.CreateScheduleGroupInput) },
  { method: 'GET', collection: 'schedule-groups', labelled: true, run: (s, c) => s.getScheduleGroup({ Name: c.label }) },
  { method: 'DELETE', collection: 'schedule-groups', labelled: true, run: (s, c) => s.deleteScheduleGroup({ Name: c.label }) },
  {
    method: 'GET',
    collection: 'schedule-groups',
    labelled: false,
    run: (s, c) =>
      s.listScheduleGroups({ NamePrefix: optional(c.query, 'NamePrefix'), NextToken: optional(c.query, 'NextToken'), MaxResults: queryNumber(c.query.get('MaxResults')) } as Api.ListScheduleGroupsInput),
  },
  { method: 'GET', collection: 'tags', labelled: true, run: (s, c) => s.listTagsForResource({ ResourceArn: c.label }) },
  { method: 'POST', collection: 'tags', labelled: true, run: (s, c) => s.tagResource({ ...c.body, ResourceArn: c.label } as Api.TagResourceInput) },
  { method: 'DELETE', collection: 'tags', labelled: true, run: (s, c) => s.untagResource({ ResourceArn: c.label, TagKeys: c.query.getAll('TagKeys') }) },
];

/** The operation for a method and path (`/schedules/daily`), with its decoded label, if any. */
export function findRoute(method: string, path: string): { run: Operation; label?: string } | undefined {
  const match = /^\/([a-z-]+)(?:\/(.+))?$/.exec(path);
  if (!match) return undefined;
  const [, collection, rawLabel] = match;
  const route = ROUTES.find((candidate) => candidate.method === method && candidate.collection === collection && candidate.labelled === (rawLabel !== undefined));
  if (!route) return undefined;
  return rawLabel === undefined ? { run: route.run } : { run: route.run, label: decodeURIComponent(rawLabel) };
}
