/** The data the object store keeps about buckets, objects and multipart uploads. */

/** Standard HTTP headers S3 stores with an object and returns on GET/HEAD. */
export interface StoredHeaders {
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  contentLanguage?: string;
  expires?: string;
}

/** What a writer says about a new object besides its bytes. */
export interface ObjectAttributes {
  contentType?: string;
  /** `x-amz-meta-*` values, keys lower-case and without the prefix. */
  userMetadata?: Record<string, string>;
  headers?: StoredHeaders;
}

export interface ObjectMeta {
  bucket: string;
  key: string;
  size: number;
  /** Quoted, as S3 returns it in the ETag header: `"<md5>"` or `"<md5>-<parts>"`. */
  etag: string;
  contentType: string;
  userMetadata: Record<string, string>;
  headers: StoredHeaders;
  lastModified: Date;
}

export interface BucketInfo {
  name: string;
  creationDate: Date;
}

/** Who made a request; it ends up in the EventBridge event's detail. */
export interface RequestContext {
  requestId?: string;
  sourceIp?: string;
  requester?: string;
}

export interface ListObjectsQuery {
  prefix?: string;
  delimiter?: string;
  /** Default 1000, S3's cap. */
  maxKeys?: number;
  continuationToken?: string;
  startAfter?: string;
}

export interface ListObjectsResult {
  contents: ObjectMeta[];
  commonPrefixes: string[];
  isTruncated: boolean;
  nextContinuationToken?: string;
}

export interface UploadInfo {
  uploadId: string;
  bucket: string;
  key: string;
  initiated: Date;
  attributes: Required<ObjectAttributes>;
}

export interface PartInfo {
  partNumber: number;
  size: number;
  etag: string;
  lastModified: Date;
}

/** A part named in CompleteMultipartUpload. */
export interface CompletedPart {
  partNumber: number;
  etag: string;
}
