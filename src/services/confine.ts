/**
 * Confinement: a task's handler receives services limited to what its access declaration grants,
 * on every host. On AWS its IAM role, derived from the same declaration, refuses the rest anyway;
 * locally this is what refuses it, so a handler that reaches too far fails on its first local run.
 */
import type { Readable } from 'node:stream';
import { objectGrants, readsObjects, writesObjects, type ObjectAccess, type ObjectAccessMode, type TaskAccess } from './access';
import { AccessDenied } from './errors';
import type { EventService, OutgoingEvent } from './events';
import type { LakeCatalog, PartitionSpec } from './lake';
import type { ModelRegistryLocation } from './models';
import type { ObjectRef, ObjectService } from './objects';
import type { HandlerServices } from './services';

/** `services` cut down to `access`: undeclared services are absent, declared ones refuse what lies outside. */
export function confineServices(task: string, access: TaskAccess, services: HandlerServices, registry: ModelRegistryLocation): Partial<HandlerServices> {
  const grants = objectGrants({ ...access, modelRegistry: false }, registry);
  return {
    clock: services.clock,
    random: services.random,
    compute: services.compute,
    ...(grants.length > 0 && { objects: new ConfinedObjects(services.objects, grants, task) }),
    ...(access.lakeQueries && { lake: services.lake }),
    ...(access.catalogUpdates && { catalog: new ConfinedCatalog(services.catalog, access.lakeTables ?? [], task) }),
    ...(access.eventSources && { events: new ConfinedEvents(services.events, access.eventSources, task) }),
    ...(access.modelRegistry && { models: services.models }),
  };
}

/** What S3 allows a role holding `grants`. */
export class ConfinedObjects implements ObjectService {
  constructor(
    private readonly inner: ObjectService,
    private readonly grants: readonly ObjectAccess[],
    private readonly task: string,
  ) {}

  getText(ref: ObjectRef): Promise<string> {
    return this.allowed('GetObject', ref, readsObjects).then(() => this.inner.getText(ref));
  }

  getBytes(ref: ObjectRef): Promise<Buffer> {
    return this.allowed('GetObject', ref, readsObjects).then(() => this.inner.getBytes(ref));
  }

  getStream(ref: ObjectRef): Promise<Readable> {
    return this.allowed('GetObject', ref, readsObjects).then(() => this.inner.getStream(ref));
  }

  withLocalFile<T>(ref: ObjectRef, work: (path: string) => Promise<T>): Promise<T> {
    return this.allowed('GetObject', ref, readsObjects).then(() => this.inner.withLocalFile(ref, work));
  }

  etag(ref: ObjectRef): Promise<string> {
    return this.allowed('HeadObject', ref, readsObjects).then(() => this.inner.etag(ref));
  }

  putText(ref: ObjectRef, text: string, contentType?: string): Promise<void> {
    return this.allowed('PutObject', ref, writesObjects).then(() => this.inner.putText(ref, text, contentType));
  }

  put(ref: ObjectRef, body: Buffer | Readable, contentType?: string): Promise<void> {
    return this.allowed('PutObject', ref, writesObjects).then(() => this.inner.put(ref, body, contentType));
  }

  /** ListBucket is granted on a prefix condition, so the listing's prefix must lie under a readable grant. */
  listKeys(bucket: string, prefix: string): Promise<string[]> {
    return this.allowed('ListObjectsV2', { bucket, key: prefix }, readsObjects).then(() => this.inner.listKeys(bucket, prefix));
  }

  private async allowed(operation: string, ref: ObjectRef, permits: (mode: ObjectAccessMode) => boolean): Promise<void> {
    if (this.grants.some((grant) => grant.bucket === ref.bucket && ref.key.startsWith(grant.prefix) && permits(grant.access))) return;
    throw new AccessDenied(`Task ${this.task} may not ${operation} s3://${ref.bucket}/${ref.key}: its access declaration grants no such access.`);
  }
}

/** Catalog updates are granted on the tables a task names: partitions of any other table are refused. */
class ConfinedCatalog implements LakeCatalog {
  constructor(
    private readonly inner: LakeCatalog,
    private readonly tables: readonly string[],
    private readonly task: string,
  ) {}

  /** Every table is checked before anything is registered, so a refused call registers nothing. */
  async addPartitions(partitions: readonly PartitionSpec[]): Promise<void> {
    const refused = partitions.find((partition) => !this.tables.includes(partition.table));
    if (refused) throw new AccessDenied(`Task ${this.task} may not add partitions to lake table ${refused.table}: it names ${this.tables.join(', ') || 'no tables'}.`);
    return this.inner.addPartitions(partitions);
  }
}

/** PutEvents is granted on the `events:source` condition: only the declared sources pass. */
class ConfinedEvents implements EventService {
  constructor(
    private readonly inner: EventService,
    private readonly sources: readonly string[],
    private readonly task: string,
  ) {}

  async put(event: OutgoingEvent): Promise<string> {
    if (!this.sources.includes(event.source)) {
      throw new AccessDenied(`Task ${this.task} may not put events with source "${event.source}": it declares ${this.sources.map((s) => `"${s}"`).join(', ')}.`);
    }
    return this.inner.put(event);
  }
}
