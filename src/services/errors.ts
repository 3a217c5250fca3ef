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
