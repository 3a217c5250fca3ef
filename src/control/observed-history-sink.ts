/**
 * The durable history sink that also tells observers of every event as it is recorded, so that a
 * watcher (the console's live view) hears an execution state by state without polling the store.
 */
import type { StoredEvent } from '../interpreter/history/events';
import { SqliteHistorySink } from '../store';

export type HistoryObserver = (executionArn: string, event: StoredEvent) => void;

export class ObservedHistorySink extends SqliteHistorySink {
  private readonly observers = new Set<HistoryObserver>();

  /** @returns a function that stops the observation */
  observe(observer: HistoryObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  override append(executionArn: string, event: StoredEvent): void {
    super.append(executionArn, event);
    // An observer's failure is its own: the execution must record on regardless.
    for (const observer of this.observers) {
      try {
        observer(executionArn, event);
      } catch (err) {
        process.emitWarning(`history observer failed: ${String(err)}`);
      }
    }
  }
}
