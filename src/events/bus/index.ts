/**
 * The local EventBridge bus: `new EventBus(options)` (or `createEventBus`), its API methods, and the
 * hooks that connect it to the engine (`taskPublisher`, `executionStatusListener`) and to the
 * object store (`publish`).
 */
export { EventBus, type BusObservation, type BusObserver, type EventBusOptions, type ExecutionStarter } from './event-bus';
export { EventsApiError, type EventsErrorCode } from './errors';
export type { AwsEvent } from './aws-event';
export type { DeadLetter, DeadLetterAttributes } from './delivery-store';
export { EXECUTION_STATUS_CHANGE, executionStatusEvent } from './execution-status-event';
export { MAX_PUT_EVENTS_BYTES, MAX_PUT_EVENTS_ENTRIES, entrySize } from './put-events';
export { EVENTS_DATABASE_FILE } from './database';

import { EventBus, type EventBusOptions } from './event-bus';

/** The bus `statecraft serve` runs: `<dataDir>/events.db`, the engine's clock and Lambda runtime. */
export function createEventBus(options: EventBusOptions): EventBus {
  return new EventBus(options);
}
