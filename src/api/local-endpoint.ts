/**
 * The whole local endpoint over a local runtime: Step Functions, EventBridge, Glue and Athena (by X-Amz-Target)
 * and S3 (everything else) on one port, as `statecraft serve` runs it.
 */
import type { Engine } from '../control/engine';
import type { EventBus } from '../events/bus';
import type { Lake } from '../lake';
import type { ObjectStore } from '../objects';
import { createEventsHandler, EVENTS_TARGET_PREFIX } from './events';
import { lakeTargets } from './lake';
import { createS3Handler } from './s3';
import { createServer, type RunningServer } from './server';

export interface LocalEndpointServices {
  engine: Engine;
  objects: ObjectStore;
  bus: EventBus;
  /** Serves the Glue Data Catalog (`AWSGlue.*`) and Athena (`AmazonAthena.*`) when given. */
  lake?: Lake;
}

export function createLocalEndpoint({ engine, objects, bus, lake }: LocalEndpointServices, options: { host?: string; port?: number } = {}): Promise<RunningServer> {
  return createServer(engine, {
    ...options,
    s3Handler: createS3Handler(objects, engine.location),
    targets: { [EVENTS_TARGET_PREFIX]: createEventsHandler(bus), ...(lake ? lakeTargets(lake) : {}) },
  });
}
