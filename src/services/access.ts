/**
 * What a task declares it touches. Each Lambda function's role is built from this and nothing
 * else: object prefixes with read or write access, lake queries, catalog updates, events it puts
 * and the model registry.
 */
import type { ModelRegistryLocation } from './models';

export type ObjectAccessMode = 'read' | 'write' | 'read-write';

export interface ObjectAccess {
  /** A bucket's logical name, as the registry names it. */
  readonly bucket: string;
  /** A key prefix such as `datasets/kfold/`; access covers keys under it. */
  readonly prefix: string;
  readonly access: ObjectAccessMode;
}

export interface TaskAccess {
  readonly objects?: readonly ObjectAccess[];
  /** Runs SQL over the lake (Athena on AWS): query the workgroup, read the catalog and its tables' objects. */
  readonly lakeQueries?: boolean;
  /** Adds partitions to its tables in the lake's catalog (Glue on AWS). */
  readonly catalogUpdates?: boolean;
  /** The lake tables (declared by the task's package) it queries or updates: its grants name exactly these. */
  readonly lakeTables?: readonly string[];
  /** Sources of the custom events the task puts on the default bus. */
  readonly eventSources?: readonly string[];
  /** Reads and writes model versions in the model registry. */
  readonly modelRegistry?: boolean;
}

export function readsObjects(mode: ObjectAccessMode): boolean {
  return mode !== 'write';
}

export function writesObjects(mode: ObjectAccessMode): boolean {
  return mode !== 'read';
}

/** The object grants a declaration amounts to: its own, plus the registry's prefix when it uses the registry. */
export function objectGrants(access: TaskAccess, modelRegistry: ModelRegistryLocation): ObjectAccess[] {
  const registry: ObjectAccess[] = access.modelRegistry ? [{ ...modelRegistry, access: 'read-write' }] : [];
  return [...(access.objects ?? []), ...registry];
}
