/** The data lake as a task handler sees it: Athena and Glue on AWS, DuckDB and the local catalog on one machine. */

/** The Glue database the shipped workflows' tables live in, on AWS and locally. */
export const LAKE_DATABASE = 'statecraft';

/** One result row of a lake query: column name to value, every value as text (SQL NULL is null). */
export type QueryRow = Record<string, string | null>;

/** SQL over the lake. */
export interface LakeQueries {
  query(sql: string): Promise<QueryRow[]>;
}

export interface PartitionSpec {
  readonly table: string;
  /** Partition values in the order of the table's partition keys, e.g. `['DE', '2026-11-21']`. */
  readonly values: readonly string[];
  /** `s3://bucket/lake/table/market=DE/date=2026-11-21/` */
  readonly location: string;
}

/** The partitions grouped by table, in the order the tables first appear. */
export function partitionsByTable(partitions: readonly PartitionSpec[]): Map<string, PartitionSpec[]> {
  const tables = new Map<string, PartitionSpec[]>();
  for (const partition of partitions) {
    const specs = tables.get(partition.table);
    if (specs) specs.push(partition);
    else tables.set(partition.table, [partition]);
  }
  return tables;
}

/** The lake's catalog. */
export interface LakeCatalog {
  /**
   * Registers partitions, of one table or several; one that is registered already is left as it is,
   * so re-running a day is safe. A historical load registers its thousands of days in one call, which
   * Glue takes in batches of 100.
   */
  addPartitions(partitions: readonly PartitionSpec[]): Promise<void>;
}
