/** The local implementations of the services task handlers receive, over the local object store. */
import type { Clock } from '../clock/clock';
import type { ObjectStore } from '../objects';
import { LocalObjectService } from './local-objects';
import { ObjectStoreModelRegistry } from '../services/model-registry';
import type { HandlerServices } from '../services/services';
import { WorkerPool } from './worker-pool';
import { DATA_BUCKET } from '../../workflows/registry';

export interface LocalServicesOptions {
  /** Where the model registry keeps its records. @default 'statecraft-data' */
  registryBucket?: string;
  /** Compute worker threads. @default os.availableParallelism() */
  workers?: number;
  /** What tasks read as the time (the engine's, so a virtual clock reaches them). @default wall clock */
  clock?: Clock;
}

export interface LocalServices extends HandlerServices {
  /** Stops the worker threads. */
  close(): Promise<void>;
}

export function createLocalServices(store: ObjectStore, options: LocalServicesOptions = {}): LocalServices {
  const objects = new LocalObjectService(store);
  const engineClock = options.clock;
  const clock = { now: () => new Date(engineClock ? engineClock.now() : Date.now()) };
  const pool = new WorkerPool({ size: options.workers });
  return {
    objects,
    clock,
    models: new ObjectStoreModelRegistry(objects, options.registryBucket ?? DATA_BUCKET, clock),
    compute: pool,
    close: () => pool.close(),
  };
}
