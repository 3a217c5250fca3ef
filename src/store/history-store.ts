import type { StoredEvent } from '../interpreter/history/events';
import type { HistorySink } from '../interpreter/history/sink';
import type { Db } from './database';

/** Above this many buffered events a batch is written at once rather than at the end of the tick. */
const MAX_BUFFERED = 500;

interface EventRow {
  id: number;
  key: string;
  type: string;
  timestamp: number;
  previous_event_id: number;
  details: string | null;
  meta: string | null;
}

/**
 * Writes history events in batches: everything appended within one tick of the event loop goes to
 * disk in a single transaction, so a busy execution costs one commit per tick, not one per event,
 * and nothing waits longer than the current tick to become durable.
 */
export class SqliteHistorySink implements HistorySink {
  private buffer: Array<[string, StoredEvent]> = [];
  private scheduled: NodeJS.Immediate | undefined;
  private readonly insert;
  private readonly writeBatch;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      `INSERT INTO history_events (execution_arn, id, key, type, timestamp, previous_event_id, details, meta)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.writeBatch = db.transaction((batch: Array<[string, StoredEvent]>) => {
      for (const [arn, e] of batch) {
        this.insert.run(arn, e.id, e.key, e.type, e.timestamp, e.previousEventId, jsonOrNull(e.details), jsonOrNull(e.meta));
      }
    });
  }

  private closed = false;

  append(executionArn: string, event: StoredEvent): void {
    if (this.closed) return;
    this.buffer.push([executionArn, event]);
    if (this.buffer.length >= MAX_BUFFERED) this.flush();
    else this.scheduled ??= setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.buffer.length === 0 || !this.db.open) return;
    const batch = this.buffer;
    this.buffer = [];
    this.writeBatch(batch);
  }

  /** Writes what is buffered and drops whatever comes later (the engine is shutting down). */
  close(): void {
    this.flush();
    this.closed = true;
  }

  /** The execution's events in id order, as recorded (pending ones flushed first). */
  load(executionArn: string): StoredEvent[] {
    this.flush();
    const rows = this.db
      .prepare('SELECT id, key, type, timestamp, previous_event_id, details, meta FROM history_events WHERE execution_arn = ? ORDER BY id')
      .all(executionArn) as EventRow[];
    return rows.map(toStoredEvent);
  }

  /** Renames events so that a replay no longer finds them under their old keys (used by redrive). */
  rekey(executionArn: string, renames: Array<{ id: number; key: string }>): void {
    this.flush();
    const update = this.db.prepare('UPDATE history_events SET key = ? WHERE execution_arn = ? AND id = ?');
    this.db.transaction(() => {
      for (const r of renames) update.run(r.key, executionArn, r.id);
    })();
  }

  deleteExecution(executionArn: string): void {
    this.flush();
    this.db.prepare('DELETE FROM history_events WHERE execution_arn = ?').run(executionArn);
  }
}

function jsonOrNull(value: Record<string, unknown> | undefined): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function toStoredEvent(row: EventRow): StoredEvent {
  const event: StoredEvent = { id: row.id, key: row.key, type: row.type, timestamp: row.timestamp, previousEventId: row.previous_event_id };
  if (row.details !== null) event.details = JSON.parse(row.details) as Record<string, unknown>;
  if (row.meta !== null) event.meta = JSON.parse(row.meta) as Record<string, unknown>;
  return event;
}
