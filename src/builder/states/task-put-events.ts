/**
 * Task calling `events:putEvents`: emits one custom event. Unlike other tasks its output defaults to
 * its input, because emitting an event should not replace the payload the workflow carries on with.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-eventbridge.html
 */
import type { EventDefinition, EventDetail } from '../event-definition';
import type { Scope } from '../scope';
import type { TaskConfig } from '../state-config';
import type { CatchBuilder } from './catch';
import { taskConfig, type TaskStateOptions } from './task';

export interface PutEventsResult {
  Entries: { EventId: string }[];
  FailedEntryCount: number;
}

export interface EmitOptions<P, V, E extends EventDefinition, O, A> extends TaskStateOptions<P, V, PutEventsResult, O, A> {
  event: E;
  /** The event's detail; it must match the event's detail schema. */
  detail: (s: Scope<P, V>) => EventDetail<E>;
}

export function emitConfig(options: EmitOptions<never, never, EventDefinition, unknown, unknown>, catchBuilder: CatchBuilder<never, never>): TaskConfig {
  return taskConfig(
    { kind: 'putEvents', event: options.event },
    { ...options, arguments: options.detail } as never,
    [],
    { kind: 'path', root: 'input', segments: [] },
    catchBuilder,
  );
}
