/**
 * A custom event a workflow emits with `events:putEvents`: source `statecraft.<workflow>`,
 * a detail-type named after the event, and a typed detail.
 */
import type { Static, TSchema } from '@sinclair/typebox';

export interface EventDefinitionProps<D extends TSchema> {
  source: string;
  detailType: string;
  detail: D;
  /** @default - the default event bus */
  eventBusName?: string;
}

export interface EventDefinition<D extends TSchema = TSchema> extends Readonly<EventDefinitionProps<D>> {
  readonly kind: 'event';
}

export type EventDetail<E> = E extends EventDefinition<infer D> ? Static<D> : never;

/**
 * Declares a custom event.
 * @example const ModelRegistered = defineEvent({ source: 'statecraft.kfold-cv', detailType: 'ModelRegistered', detail: ModelRegisteredDetail });
 */
export function defineEvent<D extends TSchema>(props: EventDefinitionProps<D>): EventDefinition<D> {
  return { kind: 'event', ...props };
}
