/**
 * The AWS implementations of the handler services, as a Lambda host installs them: objects in S3,
 * the model registry as versioned documents in S3, the wall clock, and in-process compute.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { ObjectStoreModelRegistry } from '../model-registry';
import type { HandlerServices, TaskClock } from '../services';
import { InProcessCompute, type JobModule } from './in-process-compute';
import { S3ObjectService } from './s3-objects';

export interface AwsServicesConfig {
  /** The bucket holding the model registry's documents. */
  readonly modelRegistryBucket: string;
  readonly jobModules: readonly JobModule[];
}

/** Names of the environment variables the CDK app sets on every task function. */
export const ENVIRONMENT = { modelRegistryBucket: 'STATECRAFT_MODEL_REGISTRY_BUCKET' } as const;

export class MissingEnvironmentError extends Error {
  override readonly name = 'MissingEnvironmentError';
}

export function modelRegistryBucketFrom(env: NodeJS.ProcessEnv): string {
  const bucket = env[ENVIRONMENT.modelRegistryBucket];
  if (!bucket) throw new MissingEnvironmentError(`${ENVIRONMENT.modelRegistryBucket} is not set; the CDK app sets it on every task function.`);
  return bucket;
}

const wallClock: TaskClock = { now: () => new Date() };

export function awsServices(config: AwsServicesConfig, s3: S3Client = new S3Client({})): HandlerServices {
  const objects = new S3ObjectService(s3);
  return {
    objects,
    models: new ObjectStoreModelRegistry(objects, config.modelRegistryBucket, wallClock),
    clock: wallClock,
    compute: new InProcessCompute(config.jobModules),
  };
}
