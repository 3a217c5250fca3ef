/**
 * Writes partitions of the energy tables: each one's rows as one Parquet object at a fixed key inside
 * `market=…/date=…/`, then every partition in the catalog in one call (a historical load's thousands of
 * days are Glue's batches of 100, not a request per day). Re-running a day overwrites the same key and
 * finds the partition registered, so a day is never duplicated; an object is written before its
 * partition is registered, so a query never finds a registered day without its rows.
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

/** Objects written at once: a historical load's days. */
const CONCURRENT_WRITES = 16;

export async function writePartitions<R extends TObject>(objects: ObjectService, catalog: LakeCatalog, writes: readonly PartitionWrite<R>[]): Promise<void> {
  const directory = ({ table, market, date }: PartitionWrite<R>) => `${table.prefix}market=${market}/date=${date}/`;
  await inBatches(writes, CONCURRENT_WRITES, (write) =>
    objects.put({ bucket: write.table.bucket, key: `${directory(write)}${write.name ?? 'part-0'}.parquet` }, writeParquet(write.table.rows, write.rows), 'application/vnd.apache.parquet'),
  );
  await catalog.addPartitions(writes.map((write) => ({ table: write.table.name, values: [write.market, write.date], location: `s3://${write.table.bucket}/${directory(write)}` })));
}

/** Runs `work` on every item, at most `limit` at once. */
export async function inBatches<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
