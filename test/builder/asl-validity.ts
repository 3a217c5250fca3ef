/** asl-validator (v4) checks a rendered document against the ASL JSON schemas. */
import type { StateMachineDefinition } from '../../src/asl/definition';

interface AslValidation {
  isValid: boolean;
  errorsText: (separator?: string) => string;
}

// asl-validator ships no type declarations; this is the part of its API we use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aslValidator = require('asl-validator') as (definition: unknown) => AslValidation;

/** The validator's complaints, or '' when the document is valid. It mutates its input, hence the copy. */
export function aslProblems(definition: StateMachineDefinition): string {
  const result = aslValidator(structuredClone(definition));
  return result.isValid ? '' : result.errorsText('\n');
}
