/**
 * {@link EventService} over EventBridge (`@aws-sdk/client-eventbridge` v3). PutEvents answers 200
 * even when it rejects an entry, so a rejected entry becomes a task failure named after
 * EventBridge's error code, which Retry and Catch can match.
 */
import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { TaskFailure } from '../errors';
import type { EventService, OutgoingEvent } from '../events';

export class EventBridgeEvents implements EventService {
  constructor(private readonly eventBridge: EventBridgeClient) {}

  async put(event: OutgoingEvent): Promise<string> {
    const entry: PutEventsRequestEntry = {
      Source: event.source,
      DetailType: event.detailType,
      Detail: JSON.stringify(event.detail),
      ...(event.eventBusName !== undefined && { EventBusName: event.eventBusName }),
    };
    const response = await this.eventBridge.send(new PutEventsCommand({ Entries: [entry] }));
    // FailedEntryCount counts entries whose result carries an ErrorCode in place of an EventId.
    const [result] = response.Entries ?? [];
    if (!result?.EventId) {
      throw new TaskFailure(result?.ErrorCode ?? 'PutEventsFailed', `EventBridge rejected the ${event.detailType} event: ${result?.ErrorMessage ?? 'no reason given'}`);
    }
    return result.EventId;
  }
}
