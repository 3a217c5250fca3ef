/** A PutTargets rejection of a target's input settings, with AWS's error code and message. */
export class TargetInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TargetInputError';
  }
}

/** PutTargets: a target may carry at most one of Input, InputPath and InputTransformer. */
export function moreThanOneInputKind(targetId: string): TargetInputError {
  return new TargetInputError(
    'ValidationException',
    `Only one of Input, InputPath, or InputTransformer must be provided for target ${targetId}.`,
  );
}
