/**
 * PutEvents entry validation and the events it builds: the whole call fails for a bad entry count
 * or a request over 256 KiB; each other problem fails only its entry, with AWS's error code.
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-putevent-size.html
 */
import type { PutEventsRequestEntry, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import { busNameOf, type Location } from './arns';
import { eventTime, type AwsEvent } from './aws-event';
import { constraintViolation, validation } from './errors';

export const MAX_PUT_EVENTS_BYTES = 256 * 1024;
export const MAX_PUT_EVENTS_ENTRIES = 10;
/** What a `Time` counts towards the size limit, whatever its value. */
const TIME_BYTES = 14;

export type EntryOutcome = { ok: true; bus: string; event: AwsEvent } | { ok: false; result: PutEventsResultEntry };

/** @throws ValidationException for a missing, empty, too long or too large request */
export function checkEntries(entries: unknown): PutEventsRequestEntry[] {
  if (!Array.isArray(entries) || entries.length === 0) throw constraintViolation(entries ?? 'null', 'entries', 'Member must have length greater than or equal to 1');
  if (entries.length > MAX_PUT_EVENTS_ENTRIES) throw constraintViolation('[...]', 'entries', `Member must have length less than or equal to ${MAX_PUT_EVENTS_ENTRIES}`);
  const total = (entries as PutEventsRequestEntry[]).reduce((sum, entry) => sum + entrySize(entry), 0);
  if (total > MAX_PUT_EVENTS_BYTES) throw validation('Total size of the entries in the request is over the limit.');
  return entries as PutEventsRequestEntry[];
}

/** The size AWS counts for an entry: Time, Source, DetailType, Detail and Resources in UTF-8. */
export function entrySize(entry: PutEventsRequestEntry): number {
  const text = (value: unknown) => (typeof value === 'string' ? Buffer.byteLength(value) : 0);
  const resources = Array.isArray(entry?.Resources) ? entry.Resources.reduce((sum, r) => sum + text(r), 0) : 0;
  return (entry?.Time !== undefined ? TIME_BYTES : 0) + text(entry?.Source) + text(entry?.DetailType) + text(entry?.Detail) + resources;
}

export interface BuildContext {
  location: Location;
  nowMs: number;
  newId: () => string;
  busExists: (bus: string) => boolean;
  /** Events from AWS services may use `aws.*` sources; callers of the API may not. */
  allowAwsSource?: boolean;
}

export function buildEvent(entry: PutEventsRequestEntry, context: BuildContext): EntryOutcome {
  const missing = (['Source', 'DetailType', 'Detail'] as const).find((field) => typeof entry[field] !== 'string' || entry[field] === '');
  if (missing) return failed('InvalidArgument', `Parameter ${missing} is not valid. Reason: ${missing} is a required argument.`);
  const detail = parseDetail(entry.Detail!);
  if (detail === undefined) return failed('MalformedDetail', 'Detail is malformed.');
  if (entry.Source!.startsWith('aws.') && !context.allowAwsSource) return failed('NotAuthorizedForSourceException', 'Not authorized for the source.');
  const bus = busNameOf(entry.EventBusName);
  if (!context.busExists(bus)) return failed('ResourceNotFoundException', `Event bus ${bus} does not exist.`);
  const timeMs = entry.Time === undefined ? context.nowMs : new Date(entry.Time).getTime();
  if (Number.isNaN(timeMs)) return failed('InvalidArgument', 'Parameter Time is not valid.');
  const event: AwsEvent = {
    version: '0',
    id: context.newId(),
    'detail-type': entry.DetailType!,
    source: entry.Source!,
    account: context.location.account,
    time: eventTime(timeMs),
    region: context.location.region,
    resources: Array.isArray(entry.Resources) ? entry.Resources.map(String) : [],
    detail,
  };
  return { ok: true, bus, event };
}

/** Detail must be a JSON object. */
function parseDetail(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function failed(ErrorCode: string, ErrorMessage: string): EntryOutcome {
  return { ok: false, result: { ErrorCode, ErrorMessage } };
}
