/**
 * Archives: each keeps the events of one bus that match its pattern (all of them without one),
 * except events a replay sends again, as AWS's managed archive rule does.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-archive.html
 */
import type { Archive, CreateArchiveRequest, CreateArchiveResponse, DescribeArchiveResponse, ListArchivesResponse } from '@aws-sdk/client-eventbridge';
import { matchesEventPattern, type CompiledPattern } from '../patterns';
import { archiveArn, busArn, resourceNameOf, type Location } from './arns';
import type { AwsEvent } from './aws-event';
import type { EventsDb } from './database';
import { alreadyExists, archiveNotFound, busNotFound, constraintViolation } from './errors';
import { requireName } from './names';
import { compilePattern } from './rule-store';

interface ArchiveRow {
  name: string;
  source_bus: string;
  event_pattern: string | null;
  description: string | null;
  retention_days: number;
  creation_time: number;
}

export interface ArchivedEvent {
  seq: number;
  time: number;
  event: AwsEvent;
}

const DAY_MS = 86_400_000;

export class ArchiveStore {
  private readonly patterns = new Map<string, { bus: string; compiled?: CompiledPattern }>();

  constructor(
    private readonly db: EventsDb,
    private readonly location: Location,
    private readonly busExists: (bus: string) => boolean,
  ) {
    for (const row of this.rows()) this.remember(row);
  }

  create(input: CreateArchiveRequest, nowMs: number): CreateArchiveResponse {
    const name = requireName(input.ArchiveName, 'archiveName', 48);
    if (typeof input.EventSourceArn !== 'string') throw constraintViolation('null', 'eventSourceArn', 'Member must not be null');
    const bus = resourceNameOf(input.EventSourceArn, 'event-bus');
    if (bus === undefined || !this.busExists(bus)) throw busNotFound(bus ?? input.EventSourceArn);
    if (input.EventPattern !== undefined) compilePattern(input.EventPattern);
    const retention = input.RetentionDays ?? 0;
    if (!Number.isInteger(retention) || retention < 0) throw constraintViolation(retention, 'retentionDays', 'Member must have value greater than or equal to 0');
    if (this.row(name)) throw alreadyExists('Archive', name);
    this.db
      .prepare('INSERT INTO archives (name, source_bus, event_pattern, description, retention_days, creation_time) VALUES (?, ?, ?, ?, ?, ?)')
      .run(name, bus, input.EventPattern ?? null, input.Description ?? null, retention, nowMs);
    this.remember(this.row(name)!);
    return { ArchiveArn: archiveArn(this.location, name), State: 'ENABLED', CreationTime: new Date(nowMs) };
  }

  describe(name: string): DescribeArchiveResponse {
    const row = this.require(name);
    return {
      ...this.summary(row),
      ArchiveArn: archiveArn(this.location, name),
      ...(row.event_pattern !== null ? { EventPattern: row.event_pattern } : {}),
      ...(row.description !== null ? { Description: row.description } : {}),
    };
  }

  list(namePrefix = ''): ListArchivesResponse {
    return { Archives: this.rows().filter((row) => row.name.startsWith(namePrefix)).map((row) => this.summary(row)) };
  }

  delete(name: string): void {
    this.require(name);
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM archives WHERE name = ?').run(name);
      this.db.prepare('DELETE FROM archived_events WHERE archive = ?').run(name);
    })();
    this.patterns.delete(name);
  }

  /** @throws ResourceNotFoundException */
  sourceBus(name: string): string {
    return this.require(name).source_bus;
  }

  /** Call inside the transaction that accepts the event. */
  archive(bus: string, event: AwsEvent, nowMs: number): void {
    if (event['replay-name'] !== undefined) return;
    for (const [name, archive] of this.patterns) {
      if (archive.bus !== bus || (archive.compiled && !matchesEventPattern(archive.compiled, event))) continue;
      this.db.prepare('INSERT INTO archived_events (archive, time, event) VALUES (?, ?, ?)').run(name, nowMs, JSON.stringify(event));
    }
  }

  /** Archived events with `fromMs <= time < toMs` after `afterSeq`, oldest first. */
  events(name: string, fromMs: number, toMs: number, afterSeq: number, limit: number): ArchivedEvent[] {
    const rows = this.db
      .prepare('SELECT seq, time, event FROM archived_events WHERE archive = ? AND time >= ? AND time < ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(name, fromMs, toMs, afterSeq, limit) as { seq: number; time: number; event: string }[];
    return rows.map((row) => ({ seq: row.seq, time: row.time, event: JSON.parse(row.event) as AwsEvent }));
  }

  /** Drops events older than each archive's RetentionDays (0 keeps them forever). */
  expire(nowMs: number): void {
    for (const row of this.rows()) {
      if (row.retention_days > 0) this.db.prepare('DELETE FROM archived_events WHERE archive = ? AND time < ?').run(row.name, nowMs - row.retention_days * DAY_MS);
    }
  }

  private summary(row: ArchiveRow): Archive {
    const stats = this.db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(length(event)), 0) AS bytes FROM archived_events WHERE archive = ?').get(row.name) as { n: number; bytes: number };
    return {
      ArchiveName: row.name,
      EventSourceArn: busArn(this.location, row.source_bus),
      State: 'ENABLED',
      RetentionDays: row.retention_days,
      SizeBytes: stats.bytes,
      EventCount: stats.n,
      CreationTime: new Date(row.creation_time),
    };
  }

  private remember(row: ArchiveRow): void {
    this.patterns.set(row.name, { bus: row.source_bus, ...(row.event_pattern !== null ? { compiled: compilePattern(row.event_pattern) } : {}) });
  }

  private require(name: string): ArchiveRow {
    const row = this.row(name);
    if (!row) throw archiveNotFound(name);
    return row;
  }

  private row(name: string): ArchiveRow | undefined {
    return this.db.prepare('SELECT * FROM archives WHERE name = ?').get(name) as ArchiveRow | undefined;
  }

  private rows(): ArchiveRow[] {
    return this.db.prepare('SELECT * FROM archives ORDER BY name').all() as ArchiveRow[];
  }
}
