import { moreThanOneInputKind } from './errors';
import type { TargetInput } from './target';

/**
 * PutTargets-time checks of a target's input settings.
 * @throws TargetInputError with AWS's code and message.
 */
export function validateTargetInput(target: TargetInput): void {
  const kinds = [target.Input, target.InputPath, target.InputTransformer].filter((kind) => kind !== undefined);
  if (kinds.length > 1) throw moreThanOneInputKind(target.Id);
}
