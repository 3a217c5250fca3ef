/**
 * A DuckDB instance for one query, locked down before it sees any user SQL: extensions are never
 * installed or loaded, the only files it may touch are in the object store's files directory
 * (`allowed_directories` with `enable_external_access=false`), and `lock_configuration` makes every
 * later `SET` fail, so no query can loosen any of that. One instance per query keeps queries apart
 * (their table views and temp tables) and costs a few milliseconds.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { quoteIdent, quoteString } from './types';

/** The catalog name Athena gives the Glue Data Catalog, so `awsdatacatalog.db.table` resolves. */
export const LAKE_CATALOG = 'awsdatacatalog';

export interface LockedSession {
  connection: DuckDBConnection;
  close(): void;
}

export interface SessionOptions {
  /** The one directory the engine may read (the object store's files). */
  allowedDirectory: string;
  /** A second directory, for the lake's own work (compaction writes its file there). */
  workDirectory?: string;
  /** Schemas to create in `awsdatacatalog` before locking; the first becomes the default schema. */
  schemas: readonly string[];
  /** @default 2 */
  threads?: number;
}

export async function openLockedSession(options: SessionOptions): Promise<LockedSession> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    // No spilling to disk: DuckDB would otherwise create `.tmp/` in the working directory and allow it.
    temp_directory: '',
    threads: String(options.threads ?? 2),
  });
  const connection = await instance.connect();
  const close = (): void => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    await connection.run(`ATTACH ':memory:' AS ${LAKE_CATALOG}`);
    for (const schema of new Set(options.schemas)) await connection.run(`CREATE SCHEMA IF NOT EXISTS ${LAKE_CATALOG}.${quoteIdent(schema)}`);
    if (options.schemas.length > 0) await connection.run(`USE ${LAKE_CATALOG}.${quoteIdent(options.schemas[0]!)}`);
    const directories = [options.allowedDirectory, ...(options.workDirectory ? [options.workDirectory] : [])].map((d) => quoteString(d.endsWith('/') ? d : `${d}/`));
    await connection.run(`SET allowed_directories = [${directories.join(', ')}]`);
    await connection.run('SET enable_external_access = false');
    await connection.run('SET lock_configuration = true');
  } catch (err) {
    close();
    throw err;
  }
  return { connection, close };
}
