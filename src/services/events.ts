/** Custom events a task handler puts: EventBridge on AWS, the local bus on one machine. */

export interface OutgoingEvent {
  readonly source: string;
  readonly detailType: string;
  readonly detail: unknown;
  /** @default - the default bus */
  readonly eventBusName?: string;
}

export interface EventService {
  /** Puts one event and returns its id. */
  put(event: OutgoingEvent): Promise<string>;
}
