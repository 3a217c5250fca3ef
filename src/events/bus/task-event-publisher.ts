/**
 * The `arn:aws:states:::events:putEvents` task integration on this bus: `Detail` may be a JSON
 * object (Step Functions serialises it), the execution and state machine ARNs are appended to each
 * entry's `Resources`, and a response with failed entries fails the task with
 * `EventBridge.FailedEntry`.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-eventbridge.html
 */
import type { PutEventsRequestEntry, PutEventsResponse } from '@aws-sdk/client-eventbridge';
import { StatesError } from '../../asl/errors';
import type { Json } from '../../asl/json';
import type { EventPublisher } from '../../interpreter/integrations/services';
import type { ExecutionInfo } from '../../interpreter/runtime';

export type PutEvents = (request: { Entries: PutEventsRequestEntry[] }) => PutEventsResponse;

export class TaskEventPublisher implements EventPublisher {
  constructor(private readonly put: PutEvents) {}

  async putEvents(entries: Json[], source: ExecutionInfo): Promise<Json> {
    const response = this.put({ Entries: entries.map((entry) => toRequestEntry(entry, source)) });
    const result = { Entries: response.Entries ?? [], FailedEntryCount: response.FailedEntryCount ?? 0 } as unknown as Json;
    if ((response.FailedEntryCount ?? 0) > 0) throw new StatesError('EventBridge.FailedEntry', JSON.stringify(result));
    return result;
  }
}

function toRequestEntry(entry: Json, source: ExecutionInfo): PutEventsRequestEntry {
  const fields = entry !== null && typeof entry === 'object' && !Array.isArray(entry) ? entry : {};
  const text = (value: Json | undefined) => (value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(value));
  const resources = Array.isArray(fields.Resources) ? fields.Resources.map(String) : [];
  return {
    ...(fields.Source !== undefined ? { Source: text(fields.Source) } : {}),
    ...(fields.DetailType !== undefined ? { DetailType: text(fields.DetailType) } : {}),
    ...(fields.Detail !== undefined ? { Detail: text(fields.Detail) } : {}),
    ...(typeof fields.EventBusName === 'string' ? { EventBusName: fields.EventBusName } : {}),
    ...(typeof fields.Time === 'string' ? { Time: new Date(fields.Time) } : {}),
    Resources: [...resources, source.executionArn, source.stateMachineArn],
  };
}
