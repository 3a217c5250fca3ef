/**
 * The lake as task handlers reach it locally: `LakeQueries` and `LakeCatalog` (declared with the
 * handler services; matched here structurally, since the engine never imports handler code) over
 * the same catalog and DuckDB the endpoint serves. On AWS the same interfaces are Athena and Glue.
 */
import type { Lake } from './lake';
import { runStatement } from './sql/run-statement';

/** One result row: column name to value, every value as text (SQL NULL is null). */
export type LakeQueryRow = Record<string, string | null>;

export interface LakePartitionSpec {
  readonly table: string;
  /** Partition values in the order of the table's partition keys. */
  readonly values: readonly string[];
  /** `s3://bucket/lake/table/market=DE/date=2026-11-21/` */
  readonly location: string;
}

/** A failed lake call, named as the AWS implementation names it, so Retry and Catch match on both targets. */
export class LakeTaskFailure extends Error {
  constructor(name: 'LakeQueryFailed' | 'TableNotCataloged' | 'CreatePartitionFailed', message: string) {
    super(message);
    this.name = name;
  }
}

export class LocalLakeQueries {
  constructor(
    private readonly lake: Lake,
    private readonly database: string,
  ) {}

  async query(sql: string): Promise<LakeQueryRow[]> {
    let result;
    try {
      result = await runStatement(sql, { catalog: this.lake.catalog, objects: this.lake.objects, database: this.database, compactor: this.lake.compactor });
    } catch (err) {
      throw new LakeTaskFailure('LakeQueryFailed', `Lake query FAILED: ${(err as Error).message}`);
    }
    const names = result.columns.map((c) => c.name);
    return result.rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i] ?? null])));
  }
}

export class LocalLakeCatalog {
  constructor(
    private readonly lake: Lake,
    private readonly database: string,
  ) {}

  /** Registers a partition with the table's storage descriptor; one that exists already is left as it is. */
  async addPartition({ table, values, location }: LakePartitionSpec): Promise<void> {
    const stored = this.lake.catalog.findTable(this.database, table);
    if (!stored?.StorageDescriptor) throw new LakeTaskFailure('TableNotCataloged', `Table ${this.database}.${table} has no storage descriptor to partition.`);
    const errors = this.lake.catalog.addPartitions(stored, [{ Values: [...values], StorageDescriptor: { ...stored.StorageDescriptor, Location: location } }], true);
    if (errors.length > 0) throw new LakeTaskFailure('CreatePartitionFailed', `Partition ${values.join('/')} of ${table}: ${errors[0]!.ErrorDetail.ErrorMessage}`);
  }
}
