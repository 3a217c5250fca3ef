/**
 * The lake's own SQLite database, `<dataDir>/lake.db` (in memory without a dataDir): the Glue Data
 * Catalog (databases, tables, partitions), Athena's work groups and query executions. WAL with
 * synchronous=NORMAL as the engine's store: a committed CreateTable survives the process being killed.
 */
import { join } from 'node:path';
import { openSqlite, type Db } from '../store/database';

export type LakeDb = Db;

export const LAKE_DATABASE_FILE = 'lake.db';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS glue_databases (
  name TEXT PRIMARY KEY,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS glue_tables (
  database TEXT NOT NULL,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (database, name)
) WITHOUT ROWID;
-- One row per partition; values_key is the JSON array of its values, the partition's identity.
CREATE TABLE IF NOT EXISTS glue_partitions (
  database TEXT NOT NULL,
  table_name TEXT NOT NULL,
  values_key TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (database, table_name, values_key)
) WITHOUT ROWID;
-- Compacted copies of many small partitions' files: which partitions each holds, and the files
-- (keys and ETags) it was made from, so that a partition whose files changed is read from its files.
CREATE TABLE IF NOT EXISTS compactions (
  database TEXT NOT NULL,
  table_name TEXT NOT NULL,
  bucket TEXT NOT NULL,
  key TEXT NOT NULL,
  signature TEXT NOT NULL,
  partitions TEXT NOT NULL,
  PRIMARY KEY (database, table_name, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS athena_work_groups (
  name TEXT PRIMARY KEY,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS athena_queries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  work_group TEXT NOT NULL,
  client_token TEXT,
  state TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS athena_queries_by_group ON athena_queries (work_group, seq);
CREATE UNIQUE INDEX IF NOT EXISTS athena_queries_by_token ON athena_queries (client_token) WHERE client_token IS NOT NULL;
`;

export function openLakeDatabase(dataDir?: string): LakeDb {
  return openSqlite(dataDir === undefined ? undefined : join(dataDir, LAKE_DATABASE_FILE), SCHEMA);
}
