/**
 * The local implementations of the services task handlers receive: the local object store, the
 * model registry in it, the engine's clock (so a virtual clock reaches tasks), worker threads for
 * compute, the local bus for events, and the local lake.
 */
import type { Clock } from '../clock/clock';
import type { ObjectStore } from '../objects';
import type { EventService } from '../services/events';
import type { LakeCatalog, LakeQueries } from '../services/lake';
import { ObjectStoreModelRegistry } from '../services/model-registry';
import type { ModelRegistryLocation } from '../services/models';
import type { HandlerServices } from '../services/services';
import { LocalObjectService } from './local-objects';
import { WorkerPool } from './worker-pool';

export interface LocalServicesOptions {
  modelRegistry: ModelRegistryLocation;
  /** Compute worker threads. @default os.availableParallelism() */
  workers?: number;
  /** What tasks read as the time (the engine's, so a virtual clock reaches them). @default wall clock */
  clock?: Clock;
  /** Where handlers' events go. */
  events: EventService;
  /** The lake's SQL and catalog. */
  lake: { queries: LakeQueries; catalog: LakeCatalog };
}

export interface LocalServices extends HandlerServices {
  /** Stops the worker threads. */
  close(): Promise<void>;
}

export function createLocalServices(store: ObjectStore, options: LocalServicesOptions): LocalServices {
  const objects = new LocalObjectService(store);
  const engineClock = options.clock;
  const clock = { now: () => new Date(engineClock ? engineClock.now() : Date.now()) };
  const pool = new WorkerPool({ size: options.workers });
  return {
    objects,
    lake: options.lake.queries,
    catalog: options.lake.catalog,
    events: options.events,
    models: new ObjectStoreModelRegistry(objects, options.modelRegistry, clock),
    clock,
    random: { next: Math.random },
    compute: pool,
    close: () => pool.close(),
  };
}
