import { compileExpression } from './compiled-expression';
import { isJsonataRuntimeError } from './jsonata-error';
import { expressionOf } from './template-syntax';

/**
 * The parse error of a '{% %}' template, as `CODE: message`, or undefined when it parses.
 * AWS rejects such definitions at CreateStateMachine; a validator can report it from here.
 */
export function jsonataSyntaxError(template: string): string | undefined {
  const { syntaxError } = compileExpression(expressionOf(template));
  if (syntaxError === undefined) return undefined;
  return isJsonataRuntimeError(syntaxError) ? `${syntaxError.code}: ${syntaxError.message}` : String(syntaxError);
}
