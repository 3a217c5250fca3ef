/**
 * The Step Functions API's errors: each carries AWS's error name (the `__type` the API returns)
 * and its HTTP status.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/CommonErrors.html
 */
export class SfnApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
    this.name = code;
  }
}

function errorClass(code: string, httpStatus = 400) {
  return class extends SfnApiError {
    constructor(message: string) {
      super(code, message, httpStatus);
    }
  };
}

export const ValidationException = errorClass('ValidationException');
export const InvalidDefinition = errorClass('InvalidDefinition');
export const InvalidArn = errorClass('InvalidArn');
export const InvalidName = errorClass('InvalidName');
export const InvalidToken = errorClass('InvalidToken');
export const InvalidOutput = errorClass('InvalidOutput');
export const InvalidExecutionInput = errorClass('InvalidExecutionInput');
export const StateMachineDoesNotExist = errorClass('StateMachineDoesNotExist');
export const StateMachineAlreadyExists = errorClass('StateMachineAlreadyExists');
export const StateMachineTypeNotSupported = errorClass('StateMachineTypeNotSupported');
export const ExecutionDoesNotExist = errorClass('ExecutionDoesNotExist');
export const ExecutionAlreadyExists = errorClass('ExecutionAlreadyExists');
export const ExecutionNotRedrivable = errorClass('ExecutionNotRedrivable');
export const TaskDoesNotExist = errorClass('TaskDoesNotExist');
export const TaskTimedOut = errorClass('TaskTimedOut');
export const ServiceUnavailable = errorClass('ServiceUnavailable', 503);
