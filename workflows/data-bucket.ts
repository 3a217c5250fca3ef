/**
 * The bucket the shipped workflows share: uploads land in it (EventBridge notifications on, so
 * uploads can start workflows), runs keep their artefacts in it, and the model registry lives in it.
 */
import type { BucketDefinition } from '../src/builder';

export const DATA_BUCKET = 'statecraft-data';

export const dataBucket: BucketDefinition = { name: DATA_BUCKET, eventBridge: true };
