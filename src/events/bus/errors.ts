/**
 * EventBridge API errors: each carries AWS's error name (the `__type` clients match on) and AWS's
 * message where it is known.
 * @see https://docs.aws.amazon.com/eventbridge/latest/APIReference/CommonErrors.html
 */
export type EventsErrorCode =
  | 'ResourceNotFoundException'
  | 'ValidationException'
  | 'InvalidEventPatternException'
  | 'ResourceAlreadyExistsException'
  | 'ConcurrentModificationException'
  | 'LimitExceededException'
  | 'IllegalStatusException';

export class EventsApiError extends Error {
  override readonly name = 'EventsApiError';

  constructor(
    readonly code: EventsErrorCode,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}

export function validation(message: string): EventsApiError {
  return new EventsApiError('ValidationException', message);
}

export function busNotFound(bus: string): EventsApiError {
  return new EventsApiError('ResourceNotFoundException', `Event bus ${bus} does not exist.`);
}

export function ruleNotFound(rule: string, bus: string): EventsApiError {
  return new EventsApiError('ResourceNotFoundException', `Rule ${rule} does not exist on EventBus ${bus}.`);
}

export function archiveNotFound(archive: string): EventsApiError {
  return new EventsApiError('ResourceNotFoundException', `Archive ${archive} does not exist.`);
}

export function replayNotFound(replay: string): EventsApiError {
  return new EventsApiError('ResourceNotFoundException', `Replay ${replay} does not exist.`);
}

export function alreadyExists(kind: 'Event bus' | 'Archive' | 'Replay', name: string): EventsApiError {
  return new EventsApiError('ResourceAlreadyExistsException', `${kind} ${name} already exists.`);
}

/** The Smithy-style message AWS gives for a member that breaks its declared constraint. */
export function constraintViolation(value: unknown, member: string, constraint: string): EventsApiError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return validation(`1 validation error detected: Value '${shown}' at '${member}' failed to satisfy constraint: ${constraint}`);
}
