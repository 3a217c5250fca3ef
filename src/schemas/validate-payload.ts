/**
 * Validation of payloads against their TypeBox schemas, with ajv. Each schema is compiled once
 * (ajv compilation is far slower than validation) and the compiled function is cached by identity.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { Static, TSchema } from '@sinclair/typebox';
import { SchemaValidationError, type SchemaProblem } from './schema-validation-error';
import { addCommonFormats } from './formats';

const ajv = addCommonFormats(new Ajv({ allErrors: true, strict: false }));
const compiled = new WeakMap<TSchema, ValidateFunction>();

function validatorFor(schema: TSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/**
 * Every way `value` fails `schema`, as data; an empty array when it conforms.
 * Each problem carries `where` so that problems from several payloads can be reported together.
 * @example validatePayload(KfoldInput, input, 'Input of workflow kfold-cv')
 * // [{ where: 'Input of workflow kfold-cv', path: '/k', message: 'must be >= 2' }]
 */
export function validatePayload(schema: TSchema, value: unknown, where: string): SchemaProblem[] {
  const validate = validatorFor(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => ({ where, ...toProblem(error) }));
}

/**
 * `value`, typed by its schema, or a {@link SchemaValidationError} naming `where` and every failing field.
 * @example const input = assertPayload(KfoldInput, event, 'Input of workflow kfold-cv');
 */
export function assertPayload<T extends TSchema>(schema: T, value: unknown, where: string): Static<T> {
  const problems = validatePayload(schema, value, where);
  if (problems.length > 0) throw new SchemaValidationError(where, problems);
  return value as Static<T>;
}

/** ajv reports a missing or extra property on the parent object; we report it on the field itself. */
function toProblem(error: ErrorObject): Omit<SchemaProblem, 'where'> {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    return { path: `${error.instancePath}/${escapePointer(String(params.missingProperty))}`, message: 'is required' };
  }
  if (error.keyword === 'additionalProperties') {
    return { path: `${error.instancePath}/${escapePointer(String(params.additionalProperty))}`, message: 'is not allowed' };
  }
  return { path: error.instancePath, message: error.message ?? `fails ${error.keyword}` };
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
