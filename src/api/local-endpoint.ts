/**
 * The whole local endpoint over a local runtime: Step Functions, EventBridge, Glue and Athena (by
 * X-Amz-Target), EventBridge Scheduler (REST, signed for `scheduler`) and S3 (everything else) on one
 * port, as `statecraft serve` runs it.
 */
import type { Engine } from '../control/engine';
import type { EventBus } from '../events/bus';
import type { Scheduler } from '../events/scheduler';
import type { Lake } from '../lake';
import type { ObjectStore } from '../objects';
import { createEventsHandler, EVENTS_TARGET_PREFIX } from './events';
import { lakeTargets } from './lake';
import { createS3Handler } from './s3';
import { createSchedulerHandler, SCHEDULER_SIGNING_NAME } from './scheduler';
import { createServer, type FrontHandler, type RunningServer } from './server';

export interface LocalEndpointServices {
  engine: Engine;
  objects: ObjectStore;
  bus: EventBus;
  /** Serves the Scheduler API when present. */
  scheduler?: Scheduler;
  /** Serves the Glue Data Catalog (`AWSGlue.*`) and Athena (`AmazonAthena.*`) when given. */
  lake?: Lake;
}

export function createLocalEndpoint({ engine, objects, bus, scheduler, lake }: LocalEndpointServices, options: { host?: string; port?: number; front?: FrontHandler } = {}): Promise<RunningServer> {
  return createServer(engine, {
    ...options,
    s3Handler: createS3Handler(objects, engine.location),
    targets: { [EVENTS_TARGET_PREFIX]: createEventsHandler(bus), ...(lake ? lakeTargets(lake) : {}) },
    ...(scheduler ? { restServices: { [SCHEDULER_SIGNING_NAME]: createSchedulerHandler(scheduler) } } : {}),
  });
}
