/**
 * Holds SQL to Trino's grammar (Athena engine v3) with dt-sql-parser: a DuckDB-only idiom (`::`
 * casts, `list_value`, …) in our queries fails a test, not a deployment. Only syntax is checked,
 * not which tables or functions exist.
 */
import { TrinoSQL } from 'dt-sql-parser';

let parser: TrinoSQL | undefined;

/** Trino's syntax errors in `sql`, each with its line and column; empty when Trino would parse it. */
export function trinoSyntaxErrors(sql: string): string[] {
  parser ??= new TrinoSQL();
  return parser.validate(sql).map((error) => `line ${error.startLine}:${error.startColumn}: ${error.message}`);
}
