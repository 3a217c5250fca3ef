import type { StoredEvent } from './events';

/**
 * Where an execution's events go. The durable store writes them to disk in batches;
 * an EXPRESS execution keeps them in memory only.
 */
export interface HistorySink {
  append(executionArn: string, event: StoredEvent): void;
  /** Makes everything appended so far durable before returning. */
  flush(): void;
}

/** Keeps events in memory; what EXPRESS executions and in-process runs use. */
export class MemoryHistorySink implements HistorySink {
  readonly events = new Map<string, StoredEvent[]>();

  append(executionArn: string, event: StoredEvent): void {
    let list = this.events.get(executionArn);
    if (!list) this.events.set(executionArn, (list = []));
    list.push(event);
  }

  flush(): void {}
}

/** Drops every event: the fastest way to run when nobody will read the history. */
export class DiscardHistorySink implements HistorySink {
  append(): void {}
  flush(): void {}
}
