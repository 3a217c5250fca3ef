/**
 * The lake as task handlers reach it locally: the handler services' `LakeQueries` and `LakeCatalog`
 * over the same catalog and DuckDB the endpoint serves. On AWS the same interfaces are Athena and
 * Glue; failures carry the names the AWS implementations give them, so Retry and Catch match on both.
 */
import { TaskFailure } from '../services/errors';
import { LAKE_DATABASE, partitionsByTable, type LakeCatalog, type LakeQueries, type PartitionSpec, type QueryRow } from '../services/lake';
import type { Lake } from './lake';
import { runStatement } from './sql/run-statement';

export class LocalLakeQueries implements LakeQueries {
  constructor(
    private readonly lake: Lake,
    private readonly database: string,
  ) {}

  async query(sql: string): Promise<QueryRow[]> {
    let result;
    try {
      result = await runStatement(sql, { catalog: this.lake.catalog, objects: this.lake.objects, database: this.database, compactor: this.lake.compactor });
    } catch (err) {
      throw new TaskFailure('LakeQueryFailed', `Lake query FAILED: ${(err as Error).message}`);
    }
    const names = result.columns.map((c) => c.name);
    return result.rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i] ?? null])));
  }
}

export class LocalLakeCatalog implements LakeCatalog {
  constructor(
    private readonly lake: Lake,
    private readonly database: string,
  ) {}

  /** Registers partitions with their table's storage descriptor; one that exists already is left as it is. */
  async addPartitions(partitions: readonly PartitionSpec[]): Promise<void> {
    for (const [table, specs] of partitionsByTable(partitions)) {
      const stored = this.lake.catalog.findTable(this.database, table);
      const storage = stored?.StorageDescriptor;
      if (!stored || !storage) throw new TaskFailure('TableNotCataloged', `Table ${this.database}.${table} has no storage descriptor to partition.`);
      const errors = this.lake.catalog.addPartitions(stored, specs.map(({ values, location }) => ({ Values: [...values], StorageDescriptor: { ...storage, Location: location } })), true);
      if (errors.length > 0) throw new TaskFailure('CreatePartitionFailed', `Partition ${errors[0]!.PartitionValues.join('/')} of ${table}: ${errors[0]!.ErrorDetail.ErrorMessage}`);
    }
  }
}

/** The lake's handler services over `lake`, in the lake's database. */
export function localLakeServices(lake: Lake, database = LAKE_DATABASE): { queries: LakeQueries; catalog: LakeCatalog } {
  return { queries: new LocalLakeQueries(lake, database), catalog: new LocalLakeCatalog(lake, database) };
}
