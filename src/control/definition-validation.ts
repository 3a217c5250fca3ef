/**
 * Checks a definition the way CreateStateMachine and ValidateStateMachineDefinition do: JSON syntax
 * first, then the States Language rules (through asl-validator), every problem as a diagnostic
 * naming where it is.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinition.html
 */
import type { StateMachineDefinition } from '../asl/definition';
import type { JsonObject } from '../asl/json';
import { InvalidDefinition } from './errors';
import { checkFreeFormFields } from './free-form-fields';
import { refineDiagnostics } from './state-diagnostics';

export interface Diagnostic {
  severity: 'ERROR' | 'WARNING';
  code: string;
  message: string;
  location?: string;
}

export interface ValidationResult {
  result: 'OK' | 'FAIL';
  diagnostics: Diagnostic[];
}

interface AslValidatorError {
  'Error code': string;
  Message: string;
  schemaError?: { instancePath?: string };
}

// asl-validator ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aslValidator = require('asl-validator') as (definition: unknown) => { isValid: boolean; errors: AslValidatorError[] };

/**
 * asl-validator compiles its JSON schemas on every call (about half a second), so results are
 * remembered per definition text: creating executions of known machines never pays for it again.
 */
const MEMO_SIZE = 200;
const memo = new Map<string, ValidationResult>();

export function validateDefinition(text: string): ValidationResult {
  const known = memo.get(text);
  if (known) return known;
  const result = validateUncached(text);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(text, result);
  return result;
}

function validateUncached(text: string): ValidationResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return fail([{ severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', message: `Invalid JSON: ${message}`, location: '/' }]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail([{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'The definition must be a JSON object', location: '/' }]);
  }
  const { view, diagnostics } = checkFreeFormFields(parsed as JsonObject);
  const { isValid, errors } = aslValidator(view);
  const all = [...(isValid ? [] : refineDiagnostics(parsed as JsonObject, errors.map(toDiagnostic))), ...diagnostics];
  return all.length === 0 ? { result: 'OK', diagnostics: [] } : fail(all);
}

/** Parses a definition or throws InvalidDefinition with AWS's "Invalid State Machine Definition" wording. */
export function parseDefinition(text: string): StateMachineDefinition {
  const { result, diagnostics } = validateDefinition(text);
  if (result === 'FAIL') {
    const problems = diagnostics.map((d) => `${d.code}: ${d.message}${d.location ? ` at ${d.location}` : ''}`).join(', ');
    throw new InvalidDefinition(`Invalid State Machine Definition: '${problems}'`);
  }
  return JSON.parse(text) as StateMachineDefinition;
}

function fail(diagnostics: Diagnostic[]): ValidationResult {
  return { result: 'FAIL', diagnostics };
}

function toDiagnostic(e: AslValidatorError): Diagnostic {
  const location = e.schemaError?.instancePath || locationFromMessage(e.Message);
  return { severity: 'ERROR', code: e['Error code'], message: e.Message, ...(location ? { location } : {}) };
}

/** Non-schema checks name the missing state in the message ("… target: B"). */
function locationFromMessage(message: string): string | undefined {
  const path = /^(\/\S*) /.exec(message)?.[1];
  return path;
}
