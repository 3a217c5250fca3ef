/**
 * The local object store: S3's buckets, objects, multipart uploads and EventBridge notifications,
 * durable under `<dataDir>/objects/`. Open one with `ObjectStore.open({ dataDir, onEvent })`.
 */
export { ObjectStore, type ObjectStoreOptions, type OpenObject, type WriteOptions } from './object-store';
export { S3Error, S3ErrorStatus, type S3ErrorCode } from './errors';
export type {
  S3EventBridgeEvent,
  S3EventListener,
  S3ObjectCreatedDetail,
  S3ObjectDeletedDetail,
  ObjectCreatedReason,
} from './events';
export { newRequestId } from './events';
export { multipartEtag, MIN_PART_SIZE } from './multipart';
export type * from './types';
