/**
 * The embedded SQLite database holding state machines, executions, their histories and task
 * tokens. WAL with synchronous=NORMAL: a committed transaction survives the process being killed
 * (only an OS crash can lose the last few), and writers never block readers.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheStatements } from './statement-cache';

export type Db = Database.Database;

export const DATABASE_FILE = 'statecraft.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS state_machines (
  arn TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  definition TEXT NOT NULL,
  role_arn TEXT NOT NULL,
  type TEXT NOT NULL,
  creation_date INTEGER NOT NULL,
  update_date INTEGER NOT NULL,
  revision INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS executions (
  arn TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  state_machine_arn TEXT NOT NULL,
  definition TEXT NOT NULL,
  role_arn TEXT NOT NULL,
  type TEXT NOT NULL,
  status TEXT NOT NULL,
  input TEXT NOT NULL,
  output TEXT,
  error TEXT,
  cause TEXT,
  start_date INTEGER NOT NULL,
  stop_date INTEGER,
  redrive_count INTEGER NOT NULL DEFAULT 0,
  redrive_date INTEGER,
  parent_arn TEXT,
  seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS executions_by_machine ON executions (state_machine_arn, seq);
CREATE INDEX IF NOT EXISTS executions_by_status ON executions (status);
-- Each execution's history is a numbered stream, so segment rows carry a small integer key, not the ARN.
CREATE TABLE IF NOT EXISTS history_streams (
  stream INTEGER PRIMARY KEY,
  execution_arn TEXT NOT NULL UNIQUE
);
-- Events are written as segments: each batch of one execution's events is one row (a JSON array),
-- so a busy execution costs one insert per batch rather than one per event.
CREATE TABLE IF NOT EXISTS history_segments (
  stream INTEGER NOT NULL,
  first_id INTEGER NOT NULL,
  last_id INTEGER NOT NULL,
  events TEXT NOT NULL,
  PRIMARY KEY (stream, first_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS task_tokens (
  token TEXT PRIMARY KEY,
  execution_arn TEXT NOT NULL,
  status TEXT NOT NULL,
  output TEXT,
  error TEXT,
  cause TEXT
);
CREATE INDEX IF NOT EXISTS task_tokens_by_execution ON task_tokens (execution_arn);
`;

/** Opens (creating if needed) `<dataDir>/statecraft.db`, or an in-memory database when dataDir is undefined. */
export function openDatabase(dataDir?: string): Db {
  return openSqlite(dataDir === undefined ? undefined : join(dataDir, DATABASE_FILE), SCHEMA);
}

/**
 * A SQLite database at `file` (its directory created), or in memory without one, with `schema`
 * applied. On disk: WAL with synchronous=NORMAL. Statements are compiled once per SQL text.
 */
export function openSqlite(file: string | undefined, schema: string): Db {
  let db: Db;
  if (file === undefined) {
    db = new Database(':memory:');
  } else {
    mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.exec(schema);
  return cacheStatements(db);
}
