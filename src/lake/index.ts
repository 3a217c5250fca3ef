/**
 * The local data lake: a Glue Data Catalog and Athena's query API over Parquet objects in the
 * object store, answered by DuckDB. Open one with `openLake({ dataDir, objects })`.
 */
export { openLake, type Lake, type LakeOptions } from './lake';
export { DataCatalog } from './glue/catalog';
export { GlueError, type GlueErrorCode } from './glue/errors';
export { AthenaService, executionOutput } from './athena/query-service';
export { AthenaError, type AthenaErrorCode } from './athena/errors';
export type { StoredQuery, QueryState } from './athena/query-store';
export { athenaTaskService } from './step-functions';
export { LocalLakeCatalog, LocalLakeQueries, localLakeServices } from './handler-services';
