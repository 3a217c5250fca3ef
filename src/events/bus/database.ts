/**
 * The bus's own SQLite database, `<dataDir>/events.db` (in memory without a dataDir): buses,
 * rules, targets, the delivery queue, dead letters, archives and replays. WAL, synchronous=NORMAL
 * as the engine's store: a committed PutEvents survives the process being killed.
 */
import { join } from 'node:path';
import { openSqlite, type Db } from '../../store/database';

export type EventsDb = Db;

export const EVENTS_DATABASE_FILE = 'events.db';

/**
 * The delivery queue and its dead letters, as `DeliveryStore` reads them; the Scheduler's database
 * has the same two tables, so both deliver through one queue implementation.
 */
export const DELIVERY_TABLES = `
CREATE TABLE IF NOT EXISTS deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  event TEXT NOT NULL,
  input TEXT NOT NULL,
  rule_arn TEXT NOT NULL,
  target TEXT NOT NULL,
  ingested INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  due INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_by_due ON deliveries (due, seq);
CREATE TABLE IF NOT EXISTS dead_letters (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  queue_arn TEXT NOT NULL,
  body TEXT NOT NULL,
  attributes TEXT NOT NULL,
  sent_at INTEGER NOT NULL
);
`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS event_buses (
  name TEXT PRIMARY KEY,
  description TEXT,
  creation_time INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS rules (
  bus TEXT NOT NULL,
  name TEXT NOT NULL,
  event_pattern TEXT,
  schedule_expression TEXT,
  state TEXT NOT NULL,
  description TEXT,
  role_arn TEXT,
  created_at INTEGER NOT NULL,
  last_fired INTEGER,
  PRIMARY KEY (bus, name)
);
CREATE TABLE IF NOT EXISTS targets (
  bus TEXT NOT NULL,
  rule TEXT NOT NULL,
  id TEXT NOT NULL,
  target TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (bus, rule, id)
);
${DELIVERY_TABLES}
CREATE TABLE IF NOT EXISTS archives (
  name TEXT PRIMARY KEY,
  source_bus TEXT NOT NULL,
  event_pattern TEXT,
  description TEXT,
  retention_days INTEGER NOT NULL,
  creation_time INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS archived_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  archive TEXT NOT NULL,
  time INTEGER NOT NULL,
  event TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS archived_events_by_time ON archived_events (archive, time, seq);
CREATE TABLE IF NOT EXISTS replays (
  name TEXT PRIMARY KEY,
  archive TEXT NOT NULL,
  destination TEXT NOT NULL,
  event_start INTEGER NOT NULL,
  event_end INTEGER NOT NULL,
  description TEXT,
  state TEXT NOT NULL,
  state_reason TEXT,
  replay_start INTEGER NOT NULL,
  replay_end INTEGER,
  last_replayed INTEGER,
  next_seq INTEGER NOT NULL DEFAULT 0
);
`;

export function openEventsDatabase(dataDir?: string): EventsDb {
  return openSqlite(dataDir === undefined ? undefined : join(dataDir, EVENTS_DATABASE_FILE), SCHEMA);
}
