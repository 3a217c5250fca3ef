/**
 * A task failure with a name that Retry and Catch can match: the name becomes Lambda's `errorType`,
 * hence the error name in the execution history.
 */
export class TaskFailure extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** A worker thread died or could not load its module: transient, so worth a retry. */
export class ComputeWorkerError extends TaskFailure {
  constructor(message: string) {
    super('ComputeWorkerError', message);
  }
}

/** A registry operation on a version that does not exist, or a forbidden status change. */
export class ModelRegistryError extends TaskFailure {}

/** The object, or its bucket, does not exist (S3's NoSuchKey and NoSuchBucket). */
export class ObjectNotFound extends TaskFailure {
  constructor(readonly ref: { bucket: string; key: string }) {
    super('ObjectNotFound', `The object s3://${ref.bucket}/${ref.key} does not exist.`);
  }
}

/**
 * A handler reached beyond what its task declared: refused locally as its IAM role refuses it on
 * AWS, so the mistake shows on the first local run instead of after a deployment.
 */
export class AccessDenied extends TaskFailure {
  constructor(message: string) {
    super('AccessDenied', message);
  }
}
