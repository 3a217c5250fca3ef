/**
 * The AWS implementations of the handler services, as a Lambda function builds them at cold start
 * from the environment the CDK app sets: objects in S3, the lake through Athena and Glue, events on
 * EventBridge, the model registry as versioned documents in S3, the wall clock, in-process compute.
 * SDK clients are made on first use, so a function pays only for the services its task calls.
 */
import { AthenaClient } from '@aws-sdk/client-athena';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { GlueClient } from '@aws-sdk/client-glue';
import { S3Client } from '@aws-sdk/client-s3';
import type { EventService } from '../events';
import type { LakeCatalog, LakeQueries } from '../lake';
import { ObjectStoreModelRegistry } from '../model-registry';
import type { ModelRegistryLocation } from '../models';
import type { HandlerServices, TaskClock } from '../services';
import { AthenaLakeQueries } from './athena-queries';
import { EventBridgeEvents } from './eventbridge-events';
import { GlueCatalog } from './glue-catalog';
import { InProcessCompute } from './in-process-compute';
import { S3ObjectService } from './s3-objects';

/** Names of the environment variables the CDK app sets on every task function. */
export const ENVIRONMENT = {
  modelRegistryBucket: 'STATECRAFT_MODEL_REGISTRY_BUCKET',
  modelRegistryPrefix: 'STATECRAFT_MODEL_REGISTRY_PREFIX',
  lakeDatabase: 'STATECRAFT_LAKE_DATABASE',
  lakeWorkGroup: 'STATECRAFT_LAKE_WORKGROUP',
} as const;

export class MissingEnvironmentError extends Error {
  override readonly name = 'MissingEnvironmentError';
}

export function fromEnvironment(env: NodeJS.ProcessEnv, name: keyof typeof ENVIRONMENT): string {
  const value = env[ENVIRONMENT[name]];
  if (!value) throw new MissingEnvironmentError(`${ENVIRONMENT[name]} is not set; the CDK app sets it on every task function.`);
  return value;
}

export function modelRegistryFrom(env: NodeJS.ProcessEnv): ModelRegistryLocation {
  return { bucket: fromEnvironment(env, 'modelRegistryBucket'), prefix: fromEnvironment(env, 'modelRegistryPrefix') };
}

const wallClock: TaskClock = { now: () => new Date() };

export function awsServices(env: NodeJS.ProcessEnv, s3: S3Client = new S3Client({})): HandlerServices {
  const objects = new S3ObjectService(s3);
  const lakeQueries = once(() => new AthenaLakeQueries(new AthenaClient({}), { workGroup: fromEnvironment(env, 'lakeWorkGroup'), database: fromEnvironment(env, 'lakeDatabase') }));
  const catalog = once(() => new GlueCatalog(new GlueClient({}), fromEnvironment(env, 'lakeDatabase')));
  const events = once(() => new EventBridgeEvents(new EventBridgeClient({})));
  const lake: LakeQueries = { query: async (sql) => lakeQueries().query(sql) };
  const lakeCatalog: LakeCatalog = { addPartitions: async (partitions) => catalog().addPartitions(partitions) };
  const eventService: EventService = { put: async (event) => events().put(event) };
  return {
    objects,
    lake,
    catalog: lakeCatalog,
    events: eventService,
    models: new ObjectStoreModelRegistry(objects, modelRegistryFrom(env), wallClock),
    clock: wallClock,
    random: { next: Math.random },
    compute: new InProcessCompute(),
  };
}

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
