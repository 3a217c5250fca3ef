/**
 * What a task handler may reach besides its input. Handlers never import an SDK client or a local
 * implementation: the host (the local runtime, or the Lambda entry on AWS) injects these, and a
 * task receives only the services its access declaration names ({@link ServicesFor}).
 */
import type { TaskAccess } from './access';
import type { ComputePool } from './compute';
import type { EventService } from './events';
import type { LakeCatalog, LakeQueries } from './lake';
import type { ModelRegistryService } from './models';
import type { ObjectService } from './objects';

export interface TaskClock {
  /** The engine's time: the virtual clock's in a backtest, so tasks never see the future. */
  now(): Date;
}

/** Randomness a task may use; seeded in tests so results repeat. */
export interface RandomSource {
  /** A float in [0, 1). */
  next(): number;
}

/** Every service a host provides. */
export interface HandlerServices {
  objects: ObjectService;
  lake: LakeQueries;
  catalog: LakeCatalog;
  events: EventService;
  models: ModelRegistryService;
  clock: TaskClock;
  random: RandomSource;
  compute: ComputePool;
}

/** Services every task receives, whatever it declares: none of them reaches outside the task. */
export type BaseServices = Pick<HandlerServices, 'clock' | 'random' | 'compute'>;

/** The services a task with access declaration `A` receives: what it did not declare, it cannot call. */
export type ServicesFor<A extends TaskAccess> = BaseServices &
  (A extends { objects: readonly unknown[] } ? Pick<HandlerServices, 'objects'> : unknown) &
  (A extends { lakeQueries: true } ? Pick<HandlerServices, 'lake'> : unknown) &
  (A extends { catalogUpdates: true } ? Pick<HandlerServices, 'catalog'> : unknown) &
  (A extends { eventSources: readonly string[] } ? Pick<HandlerServices, 'events'> : unknown) &
  (A extends { modelRegistry: true } ? Pick<HandlerServices, 'models'> : unknown);
