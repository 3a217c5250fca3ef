/**
 * `X-Amz-Target: AWSEvents.<Operation>` requests, dispatched to the EventBus, so that
 * `@aws-sdk/client-eventbridge` and `aws events … --endpoint-url` work against the local endpoint.
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Operations.html
 */
import type { ServerResponse } from 'node:http';
import { EventsApiError, type EventBus } from '../../events/bus';
import { ProtocolError } from '../json-protocol';
import type { TargetHandler } from '../server';
import { epochSecondsToDate, json11Handler, sendJson11 } from './protocol';

export const EVENTS_TARGET_PREFIX = 'AWSEvents';

type Operation = (bus: EventBus, request: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

const OPERATIONS: Record<string, Operation> = {
  PutRule: (b, r) => b.putRule(r),
  DescribeRule: (b, r) => b.describeRule(r),
  ListRules: (b, r) => b.listRules(r),
  DeleteRule: (b, r) => b.deleteRule(r),
  EnableRule: (b, r) => b.enableRule(r),
  DisableRule: (b, r) => b.disableRule(r),
  PutTargets: (b, r) => b.putTargets(r),
  RemoveTargets: (b, r) => b.removeTargets(r),
  ListTargetsByRule: (b, r) => b.listTargetsByRule(r),
  PutEvents: (b, r) => b.putEvents({ ...r, Entries: withEntryTimes(r.Entries) }),
  TestEventPattern: (b, r) => b.testEventPattern(r),
  CreateEventBus: (b, r) => b.createEventBus(r),
  DescribeEventBus: (b, r) => b.describeEventBus(r),
  DeleteEventBus: (b, r) => b.deleteEventBus(r),
  ListEventBuses: (b, r) => b.listEventBuses(r),
  CreateArchive: (b, r) => b.createArchive(r),
  DescribeArchive: (b, r) => b.describeArchive(r),
  ListArchives: (b, r) => b.listArchives(r),
  DeleteArchive: (b, r) => b.deleteArchive(r),
  StartReplay: (b, r) => b.startReplay({ ...r, EventStartTime: epochSecondsToDate(r.EventStartTime), EventEndTime: epochSecondsToDate(r.EventEndTime) }),
  DescribeReplay: (b, r) => b.describeReplay(r),
  CancelReplay: (b, r) => b.cancelReplay(r),
};

export function createEventsHandler(bus: EventBus): TargetHandler {
  return json11Handler(EVENTS_TARGET_PREFIX, bus, OPERATIONS, sendEventsFailure);
}

function sendEventsFailure(res: ServerResponse, err: unknown): void {
  if (err instanceof EventsApiError) return sendJson11(res, err.httpStatus, { __type: err.code, message: err.message });
  if (err instanceof ProtocolError) return sendJson11(res, err.httpStatus, { __type: err.type, message: err.message });
  const message = err instanceof Error ? err.message : String(err);
  sendJson11(res, 500, { __type: 'InternalException', message });
}

/** Entry `Time`s arrive as epoch seconds; anything malformed is left for the bus to reject. */
function withEntryTimes(entries: unknown): unknown {
  if (!Array.isArray(entries)) return entries;
  return entries.map((entry: unknown) => (entry && typeof entry === 'object' && 'Time' in entry ? { ...entry, Time: epochSecondsToDate(entry.Time) } : entry));
}
