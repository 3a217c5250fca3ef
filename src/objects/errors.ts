/**
 * The S3 error codes the object store raises, each with the HTTP status S3 answers it with.
 * The API layer renders them as S3's XML error document; callers match on `code`, never the message.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 */
export const S3ErrorStatus = {
  AccessDenied: 403,
  BadDigest: 400,
  BucketAlreadyOwnedByYou: 409,
  BucketNotEmpty: 409,
  EntityTooSmall: 400,
  IncompleteBody: 400,
  InternalError: 500,
  InvalidArgument: 400,
  InvalidBucketName: 400,
  InvalidDigest: 400,
  InvalidPart: 400,
  InvalidPartOrder: 400,
  InvalidRange: 416,
  InvalidRequest: 400,
  InvalidURI: 400,
  KeyTooLongError: 400,
  MalformedXML: 400,
  MethodNotAllowed: 405,
  MissingContentLength: 411,
  NoSuchBucket: 404,
  NoSuchKey: 404,
  NoSuchUpload: 404,
  NotImplemented: 501,
  PreconditionFailed: 412,
} as const;

export type S3ErrorCode = keyof typeof S3ErrorStatus;

/** An S3 error: AWS's code, its HTTP status, and the resource it concerns (bucket or key path). */
export class S3Error extends Error {
  readonly status: number;

  constructor(
    readonly code: S3ErrorCode,
    message: string,
    readonly resource?: string,
  ) {
    super(message);
    this.name = 'S3Error';
    this.status = S3ErrorStatus[code];
  }
}

export function noSuchBucket(bucket: string): S3Error {
  return new S3Error('NoSuchBucket', 'The specified bucket does not exist', `/${bucket}`);
}

export function noSuchKey(bucket: string, key: string): S3Error {
  return new S3Error('NoSuchKey', 'The specified key does not exist.', `/${bucket}/${key}`);
}

export function noSuchUpload(uploadId: string): S3Error {
  return new S3Error(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
    uploadId,
  );
}
