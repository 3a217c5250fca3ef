/**
 * Schedules in the database: the checked definition as JSON, with the columns the firing needs
 * (state, when it was armed, its last firing and the firing planned next).
 */
import type { SchedulerDb } from './database';
import type { ScheduleDefinition, ScheduleState } from './definition';

export interface StoredSchedule {
  readonly group: string;
  readonly name: string;
  readonly definition: ScheduleDefinition;
  readonly state: ScheduleState;
  readonly creationDate: number;
  readonly lastModificationDate: number;
  readonly armedAt: number;
  readonly lastFired?: number;
  /** The occurrence the runner waits for and the instant it fires it (later with a flexible window). */
  readonly planned?: { occurrence: number; due: number };
}

interface ScheduleRow {
  group_name: string;
  name: string;
  definition: string;
  state: ScheduleState;
  creation_date: number;
  last_modification_date: number;
  armed_at: number;
  last_fired: number | null;
  planned_occurrence: number | null;
  planned_due: number | null;
}

export class ScheduleStore {
  constructor(private readonly db: SchedulerDb) {}

  find(group: string, name: string): StoredSchedule | undefined {
    const row = this.db.prepare('SELECT * FROM schedules WHERE group_name = ? AND name = ?').get(group, name) as ScheduleRow | undefined;
    return row && fromRow(row);
  }

  /** Every schedule, by group then name (ListSchedules' order). */
  all(group?: string): StoredSchedule[] {
    const rows = (
      group === undefined
        ? this.db.prepare('SELECT * FROM schedules ORDER BY group_name, name').all()
        : this.db.prepare('SELECT * FROM schedules WHERE group_name = ? ORDER BY name').all(group)
    ) as ScheduleRow[];
    return rows.map(fromRow);
  }

  insert(group: string, name: string, definition: ScheduleDefinition, nowMs: number): void {
    this.db
      .prepare('INSERT INTO schedules (group_name, name, definition, state, creation_date, last_modification_date, armed_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(group, name, JSON.stringify(definition), definition.State, nowMs, nowMs, nowMs);
  }

  /** UpdateSchedule replaces the whole definition and starts the schedule afresh from now. */
  replace(group: string, name: string, definition: ScheduleDefinition, nowMs: number): void {
    this.db
      .prepare(
        `UPDATE schedules SET definition = ?, state = ?, last_modification_date = ?, armed_at = ?, last_fired = NULL,
           planned_occurrence = NULL, planned_due = NULL WHERE group_name = ? AND name = ?`,
      )
      .run(JSON.stringify(definition), definition.State, nowMs, nowMs, group, name);
  }

  delete(group: string, name: string): boolean {
    return this.db.prepare('DELETE FROM schedules WHERE group_name = ? AND name = ?').run(group, name).changes > 0;
  }

  deleteGroup(group: string): void {
    this.db.prepare('DELETE FROM schedules WHERE group_name = ?').run(group);
  }

  plan(group: string, name: string, occurrence: number, due: number): void {
    this.db.prepare('UPDATE schedules SET planned_occurrence = ?, planned_due = ? WHERE group_name = ? AND name = ?').run(occurrence, due, group, name);
  }

  /** Call inside the transaction that queues the firing's delivery. */
  recordFiring(group: string, name: string, occurrence: number): void {
    this.db
      .prepare('UPDATE schedules SET last_fired = ?, planned_occurrence = NULL, planned_due = NULL WHERE group_name = ? AND name = ?')
      .run(occurrence, group, name);
  }
}

function fromRow(row: ScheduleRow): StoredSchedule {
  return {
    group: row.group_name,
    name: row.name,
    definition: JSON.parse(row.definition) as ScheduleDefinition,
    state: row.state,
    creationDate: row.creation_date,
    lastModificationDate: row.last_modification_date,
    armedAt: row.armed_at,
    ...(row.last_fired !== null ? { lastFired: row.last_fired } : {}),
    ...(row.planned_occurrence !== null && row.planned_due !== null ? { planned: { occurrence: row.planned_occurrence, due: row.planned_due } } : {}),
  };
}
