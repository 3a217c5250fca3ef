/**
 * The local data lake: the Glue Data Catalog and Athena over the object store's Parquet objects,
 * durable in `<dataDir>/lake.db`. One `openLake` call gives the endpoint and the engine everything
 * they serve.
 */
import type { ObjectStore } from '../objects';
import { AthenaService } from './athena/query-service';
import { Compactor } from './compaction';
import { QueryStore } from './athena/query-store';
import { WorkGroups } from './athena/work-groups';
import { openLakeDatabase } from './database';
import { DataCatalog } from './glue/catalog';

export interface LakeOptions {
  /** Where `lake.db` lives; omitted, the catalog and query history are in memory. */
  dataDir?: string;
  objects: ObjectStore;
  /** Queries running at once. @default 2 */
  concurrency?: number;
  now?: () => number;
}

export interface Lake {
  catalog: DataCatalog;
  athena: AthenaService;
  objects: ObjectStore;
  /** Compacts tables of many small partition files behind the same table (see compaction.ts). */
  compactor: Compactor;
  close(): void;
}

export function openLake(options: LakeOptions): Lake {
  const db = openLakeDatabase(options.dataDir);
  const catalog = new DataCatalog(db, options.now);
  const compactor = new Compactor(db, catalog, options.objects);
  const athena = new AthenaService({
    compactor,
    catalog,
    objects: options.objects,
    queries: new QueryStore(db),
    workGroups: new WorkGroups(db, options.now),
    concurrency: options.concurrency,
    now: options.now,
  });
  return {
    catalog,
    athena,
    objects: options.objects,
    compactor,
    close: () => {
      compactor.close();
      athena.close();
      db.close();
    },
  };
}
