import type { StoredEvent } from '../interpreter/history/events';
import type { HistorySink } from '../interpreter/history/sink';
import type { Db } from './database';

/** Above this many buffered events a batch is written at once rather than at the end of the tick. */
const MAX_BUFFERED = 2000;

interface SegmentRow {
  first_id: number;
  events: string;
}

/**
 * Writes history events in batches: everything appended within one tick of the event loop goes to
 * disk in a single transaction, one row (a segment) per execution, so a busy execution costs one
 * insert per tick, not one per event, and nothing waits longer than the current tick to become durable.
 */
export class SqliteHistorySink implements HistorySink {
  private buffer = new Map<string, StoredEvent[]>();
  private buffered = 0;
  private scheduled: NodeJS.Immediate | undefined;
  private closed = false;
  private readonly streams = new Map<string, number>();
  private readonly statements;
  private readonly writeBatch;

  constructor(private readonly db: Db) {
    this.statements = {
      insert: db.prepare('INSERT INTO history_segments (stream, first_id, last_id, events) VALUES (?, ?, ?, ?)'),
      update: db.prepare('UPDATE history_segments SET events = ? WHERE stream = ? AND first_id = ?'),
      select: db.prepare('SELECT first_id, events FROM history_segments WHERE stream = ? ORDER BY first_id'),
      findStream: db.prepare('SELECT stream FROM history_streams WHERE execution_arn = ?').pluck(),
      newStream: db.prepare('INSERT INTO history_streams (execution_arn) VALUES (?)'),
      deleteSegments: db.prepare('DELETE FROM history_segments WHERE stream = ?'),
      deleteStream: db.prepare('DELETE FROM history_streams WHERE stream = ?'),
    };
    this.writeBatch = db.transaction((batch: Map<string, StoredEvent[]>) => {
      for (const [arn, events] of batch) {
        this.statements.insert.run(this.streamOf(arn, true), events[0].id, events[events.length - 1].id, JSON.stringify(events));
      }
    });
  }

  append(executionArn: string, event: StoredEvent): void {
    if (this.closed) return;
    let events = this.buffer.get(executionArn);
    if (!events) this.buffer.set(executionArn, (events = []));
    events.push(event);
    if (++this.buffered >= MAX_BUFFERED) this.flush();
    else this.scheduled ??= setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.buffered === 0 || !this.db.open) return;
    const batch = this.buffer;
    this.buffer = new Map();
    this.buffered = 0;
    this.writeBatch(batch);
  }

  /** Writes what is buffered and drops whatever comes later (the engine is shutting down). */
  close(): void {
    this.flush();
    this.closed = true;
  }

  /** The execution's events in id order, as recorded (pending ones flushed first). */
  load(executionArn: string): StoredEvent[] {
    return this.segments(executionArn)
      .flatMap((s) => s.events)
      .sort((a, b) => a.id - b.id);
  }

  /** Renames events so that a replay no longer finds them under their old keys (used by redrive). */
  rekey(executionArn: string, renames: Array<{ id: number; key: string }>): void {
    const stream = this.streamOf(executionArn, false);
    if (stream === undefined) return;
    const newKeys = new Map(renames.map((r) => [r.id, r.key]));
    const segments = this.segments(executionArn);
    this.db.transaction(() => {
      for (const segment of segments) {
        if (!segment.events.some((e) => newKeys.has(e.id))) continue;
        for (const e of segment.events) e.key = newKeys.get(e.id) ?? e.key;
        this.statements.update.run(JSON.stringify(segment.events), stream, segment.firstId);
      }
    })();
  }

  deleteExecution(executionArn: string): void {
    this.flush();
    const stream = this.streamOf(executionArn, false);
    if (stream === undefined) return;
    this.db.transaction(() => {
      this.statements.deleteSegments.run(stream);
      this.statements.deleteStream.run(stream);
    })();
    this.streams.delete(executionArn);
  }

  private segments(executionArn: string): Array<{ firstId: number; events: StoredEvent[] }> {
    this.flush();
    const stream = this.streamOf(executionArn, false);
    if (stream === undefined) return [];
    const rows = this.statements.select.all(stream) as SegmentRow[];
    return rows.map((row) => ({ firstId: row.first_id, events: JSON.parse(row.events) as StoredEvent[] }));
  }

  /** The stream number of an execution's history; created on its first event. */
  private streamOf(executionArn: string, create: boolean): number | undefined {
    let stream = this.streams.get(executionArn);
    if (stream !== undefined) return stream;
    stream = this.statements.findStream.get(executionArn) as number | undefined;
    if (stream === undefined && create) stream = Number(this.statements.newStream.run(executionArn).lastInsertRowid);
    if (stream !== undefined) this.streams.set(executionArn, stream);
    return stream;
  }
}
