/**
 * What task handlers may import from statecraft: the service interfaces the host injects, their
 * errors, access declarations and compute jobs. Implementations live in `aws/` (Lambda) and in the
 * local host (`src/host/`); handlers never import either.
 */
export type { ObjectService } from './objects';
export { ObjectRef } from './objects';
export type { LakeQueries, LakeCatalog, PartitionSpec, QueryRow } from './lake';
export type { EventService, OutgoingEvent } from './events';
export { ApprovalStatus, Metric, ModelName, ModelVersion, ModelVersionRequest, type ModelRegistryLocation, type ModelRegistryService } from './models';
export { defineJob, type ComputePool, type Job } from './compute';
export type { BaseServices, HandlerServices, RandomSource, ServicesFor, TaskClock } from './services';
export type { ObjectAccess, ObjectAccessMode, TaskAccess } from './access';
export { AccessDenied, ComputeWorkerError, ModelRegistryError, ObjectNotFound, TaskFailure } from './errors';
export { glueColumns, parquetColumns, readParquet, writeParquet, ParquetSchemaError } from './parquet';
export { seededRandom, type Random } from './seeded-random';
