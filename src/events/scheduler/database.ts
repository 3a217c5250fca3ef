/**
 * The Scheduler's own SQLite database, `<dataDir>/scheduler.db` (in memory without a dataDir):
 * groups and their tags, schedules with their last firing and the firing planned next, and the
 * same delivery queue and dead-letter tables as the bus. A firing commits its delivery and the
 * schedule's `last_fired` together, so a restart never fires an occurrence twice.
 */
import { join } from 'node:path';
import { openSqlite, type Db } from '../../store/database';
import { DELIVERY_TABLES } from '../bus/database';

export type SchedulerDb = Db;

export const SCHEDULER_DATABASE_FILE = 'scheduler.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS schedule_groups (
  name TEXT PRIMARY KEY,
  creation_date INTEGER NOT NULL,
  last_modification_date INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS group_tags (
  group_name TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (group_name, key)
);
CREATE TABLE IF NOT EXISTS schedules (
  group_name TEXT NOT NULL,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,
  state TEXT NOT NULL,
  creation_date INTEGER NOT NULL,
  last_modification_date INTEGER NOT NULL,
  armed_at INTEGER NOT NULL,
  last_fired INTEGER,
  planned_occurrence INTEGER,
  planned_due INTEGER,
  PRIMARY KEY (group_name, name)
);
${DELIVERY_TABLES}
`;

export function openSchedulerDatabase(dataDir?: string): SchedulerDb {
  return openSqlite(dataDir === undefined ? undefined : join(dataDir, SCHEDULER_DATABASE_FILE), SCHEMA);
}
