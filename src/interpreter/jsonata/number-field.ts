/**
 * Number-valued fields (Wait `Seconds`, Map `MaxConcurrency`/`ToleratedFailure*`, Task
 * `TimeoutSeconds`/`HeartbeatSeconds`) given as JSONata.
 */
import type { Json } from '../../asl/json';
import { queryEvaluationError, runtimeError } from '../../asl/errors';
import type { JsonataBindings } from './bindings';
import { evaluateTyped } from './typed-fields';
import { expressionOf, isJsonataTemplate } from './template-syntax';

interface NumberRule {
  integer: boolean;
  min: number;
  max: number;
}

/** ASL's limits per field; a field not listed only needs to be a number. */
const RULES: Record<string, NumberRule> = {
  Seconds: { integer: true, min: 0, max: 99_999_999 },
  TimeoutSeconds: { integer: true, min: 1, max: 99_999_999 },
  HeartbeatSeconds: { integer: true, min: 1, max: 99_999_999 },
  MaxConcurrency: { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER },
  ToleratedFailureCount: { integer: true, min: 0, max: Number.MAX_SAFE_INTEGER },
  ToleratedFailurePercentage: { integer: false, min: 0, max: 100 },
};

/** `field` is the path AWS names in causes; its last segment selects the range rule. */
export async function evaluateJsonataNumber(value: Json, bindings: JsonataBindings, field: string): Promise<number> {
  if (typeof value === 'number') return value;
  if (!isJsonataTemplate(value)) {
    throw runtimeError(`The field '${field}' must be a number or a JSONata expression, but was: ${JSON.stringify(value)}`);
  }
  const result = (await evaluateTyped(value, bindings, field, 'number')) as number;
  const rule = RULES[field.slice(field.lastIndexOf('/') + 1)];
  if (rule !== undefined && !withinRule(result, rule)) {
    throw queryEvaluationError(
      `The JSONata expression '${expressionOf(value)}' specified for the field '${field}' returned an out-of-range value. ` +
        `Expected ${describe(rule)}, but was: ${result}`,
    );
  }
  return result;
}

function withinRule(value: number, rule: NumberRule): boolean {
  return (!rule.integer || Number.isInteger(value)) && value >= rule.min && value <= rule.max;
}

function describe(rule: NumberRule): string {
  const kind = rule.integer ? 'an integer' : 'a number';
  return rule.max === Number.MAX_SAFE_INTEGER ? `${kind} >= ${rule.min}` : `${kind} from ${rule.min} to ${rule.max}`;
}
