/**
 * better-sqlite3 compiles a statement's SQL on every `prepare()`. The stores prepare constant SQL
 * on hot paths (every delivery, every object write), so a connection compiles each text once and
 * hands out the same statement after. Safe because no store iterates a statement lazily (a statement
 * mid-`iterate()` cannot be reused) or switches modes (`pluck`, `raw`) on the same text.
 */
import type Database from 'better-sqlite3';

export function cacheStatements<T extends Database.Database>(db: T): T {
  const compile = db.prepare.bind(db);
  const statements = new Map<string, Database.Statement>();
  db.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (!statement) {
      statement = compile(source);
      statements.set(source, statement);
    }
    return statement;
  }) as T['prepare'];
  return db;
}
