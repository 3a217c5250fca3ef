/**
 * Writes one partition of an energy table: the rows as one Parquet object at a fixed key inside
 * `market=…/date=…/`, then the partition in the catalog. Re-running a day overwrites the same key and
 * finds the partition registered, so a day is never duplicated.
 */
import type { Static, TObject } from '@sinclair/typebox';
import type { LakeTable } from '../../../src/builder';
import { writeParquet, type LakeCatalog, type ObjectService } from '../../../src/services';

export interface PartitionWrite<R extends TObject> {
  readonly table: LakeTable<R>;
  readonly market: string;
  readonly date: string;
  readonly rows: readonly Static<R>[];
  /** The object's name in the partition. @default 'part-0' */
  readonly name?: string;
}

export async function writePartition<R extends TObject>(objects: ObjectService, catalog: LakeCatalog, write: PartitionWrite<R>): Promise<void> {
  const { table, market, date } = write;
  const directory = `${table.prefix}market=${market}/date=${date}/`;
  await objects.put({ bucket: table.bucket, key: `${directory}${write.name ?? 'part-0'}.parquet` }, writeParquet(table.rows, write.rows), 'application/vnd.apache.parquet');
  await catalog.addPartition({ table: table.name, values: [market, date], location: `s3://${table.bucket}/${directory}` });
}

/** Runs `work` on every item, at most `limit` at once: thousands of days of a historical load. */
export async function inBatches<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
