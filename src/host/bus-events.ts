/**
 * {@link EventService} over the local bus, answered as EventBridge's PutEvents answers: a rejected
 * entry fails the task with EventBridge's error code as its name, as on AWS. A host without a bus
 * accepts and drops events, as it does for `events:putEvents` states.
 */
import { randomUUID } from 'node:crypto';
import type { EventBus } from '../events/bus';
import { TaskFailure } from '../services/errors';
import type { EventService, OutgoingEvent } from '../services/events';

export class BusEventService implements EventService {
  /** `bus` is read at each put: the bus is made after the services it delivers to. */
  constructor(private readonly bus: () => EventBus | undefined) {}

  async put(event: OutgoingEvent): Promise<string> {
    const bus = this.bus();
    if (!bus) return randomUUID();
    const response = bus.putEvents({
      Entries: [{ Source: event.source, DetailType: event.detailType, Detail: JSON.stringify(event.detail), ...(event.eventBusName !== undefined && { EventBusName: event.eventBusName }) }],
    });
    const [result] = response.Entries ?? [];
    if (!result?.EventId) throw new TaskFailure(result?.ErrorCode ?? 'PutEventsFailed', `The bus rejected the ${event.detailType} event: ${result?.ErrorMessage ?? 'no reason given'}`);
    return result.EventId;
  }
}
