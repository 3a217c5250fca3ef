/**
 * What a task handler may reach besides its input. Handlers never import an SDK client or a local
 * implementation: the host (the local runtime, or the Lambda wrapper on AWS) injects these.
 */
import type { ModelVersion, ModelVersionRequest } from '../../workflows/kfold-cv/schemas';

export interface ObjectRef {
  bucket: string;
  key: string;
}

export interface ObjectService {
  getText(ref: ObjectRef): Promise<string>;
  getBytes(ref: ObjectRef): Promise<Buffer>;
  putText(ref: ObjectRef, text: string, contentType?: string): Promise<void>;
  /** The object's current ETag, without reading it (for caching immutable artefacts). */
  etag(ref: ObjectRef): Promise<string>;
  /** Keys under `prefix`, in key order. */
  listKeys(bucket: string, prefix: string): Promise<string[]>;
}

export interface ModelRegistryService {
  /** Adds the next version of `request.modelName`, pending manual approval. */
  register(request: ModelVersionRequest): Promise<ModelVersion>;
  get(modelName: string, version: number): Promise<ModelVersion>;
  /** Every version of a model, oldest first; every model's versions when no name is given. */
  list(modelName?: string): Promise<ModelVersion[]>;
  approve(modelName: string, version: number, reason?: string): Promise<ModelVersion>;
  reject(modelName: string, version: number, reason?: string): Promise<ModelVersion>;
}

export interface TaskClock {
  now(): Date;
}

/** Runs CPU-bound work off the event loop (worker threads locally). */
export interface ComputePool {
  /** Calls the function `exportName` of the module at absolute path `modulePath` with `argument`. */
  run<T>(modulePath: string, exportName: string, argument: unknown): Promise<T>;
}

/** One result row of a lake query: column name to value, every value as text (SQL NULL is null). */
export type QueryRow = Record<string, string | null>;

/** SQL over the lake: Athena on AWS, DuckDB over the local lake. */
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

/** The lake's catalog: the Glue Data Catalog on AWS, the local catalog on one machine. */
export interface LakeCatalog {
  /** Registers a partition; one that is registered already is left as it is, so re-running a day is safe. */
  addPartition(partition: PartitionSpec): Promise<void>;
}

export interface OutgoingEvent {
  readonly source: string;
  readonly detailType: string;
  readonly detail: unknown;
  /** @default - the default bus */
  readonly eventBusName?: string;
}

/** Custom events a task emits: EventBridge on AWS, the local bus on one machine. */
export interface EventPublisher {
  /** Puts one event and returns its id. */
  put(event: OutgoingEvent): Promise<string>;
}

export interface HandlerServices {
  objects: ObjectService;
  models: ModelRegistryService;
  clock: TaskClock;
  compute: ComputePool;
}
