/**
 * EventBridge Scheduler API errors: each carries AWS's error name (sent as `x-amzn-ErrorType`) and
 * its HTTP status, with AWS's message where it is known.
 * @see https://docs.aws.amazon.com/scheduler/latest/APIReference/CommonErrors.html
 */
export type SchedulerErrorCode = 'ValidationException' | 'ResourceNotFoundException' | 'ConflictException' | 'ServiceQuotaExceededException' | 'InternalServerException';

const STATUS: Record<SchedulerErrorCode, number> = {
  ValidationException: 400,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  ServiceQuotaExceededException: 402,
  InternalServerException: 500,
};

export class SchedulerApiError extends Error {
  override readonly name = 'SchedulerApiError';
  readonly httpStatus: number;

  constructor(
    readonly code: SchedulerErrorCode,
    message: string,
  ) {
    super(message);
    this.httpStatus = STATUS[code];
  }
}

export function validation(message: string): SchedulerApiError {
  return new SchedulerApiError('ValidationException', message);
}

/** The Smithy-style message AWS gives for a member that breaks its declared constraint. */
export function constraintViolation(value: unknown, member: string, constraint: string): SchedulerApiError {
  const shown = value === undefined || value === null ? 'null' : typeof value === 'string' ? value : JSON.stringify(value);
  return validation(`1 validation error detected: Value '${shown}' at '${member}' failed to satisfy constraint: ${constraint}`);
}

export function scheduleNotFound(name: string): SchedulerApiError {
  return new SchedulerApiError('ResourceNotFoundException', `Schedule ${name} does not exist.`);
}

export function groupNotFound(name: string): SchedulerApiError {
  return new SchedulerApiError('ResourceNotFoundException', `Schedule group ${name} does not exist.`);
}

export function scheduleExists(name: string): SchedulerApiError {
  return new SchedulerApiError('ConflictException', `Schedule ${name} already exists.`);
}

export function groupExists(name: string): SchedulerApiError {
  return new SchedulerApiError('ConflictException', `Schedule group ${name} already exists.`);
}

/** Every account has the `default` group; it can be neither created nor deleted. */
export function defaultGroupOperation(): SchedulerApiError {
  return validation('This operation cannot be performed on schedule group default.');
}
