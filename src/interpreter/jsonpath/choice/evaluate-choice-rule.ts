import type { ChoiceRule } from '../../../asl/definition';
import type { Json } from '../../../asl/json';
import { runtimeError } from '../../../asl/errors';
import { queryPath } from '../query-path';
import type { PathScope } from '../scope';
import { invalidPath } from '../select-path';
import { LITERAL_ONLY_COMPARATORS, PATH_CAPABLE_COMPARATORS, type Comparator } from './comparators';

type CompiledRule = (scope: PathScope) => boolean;

const PATH_SUFFIX = 'Path';
// Rules are definition objects: find each rule's operator once, not on every evaluation.
const compiled = new WeakMap<ChoiceRule, CompiledRule>();

/**
 * Evaluates a JSONPath Choice rule (comparison, Is* test, or And/Or/Not of rules).
 * @throws States.Runtime when the Variable (or a `*Path` operand) matches nothing, except for IsPresent.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html
 */
export function evaluateChoiceRule(rule: ChoiceRule, scope: PathScope): boolean {
  let evaluate = compiled.get(rule);
  if (!evaluate) {
    evaluate = compileRule(rule);
    compiled.set(rule, evaluate);
  }
  return evaluate(scope);
}

function compileRule(rule: ChoiceRule): CompiledRule {
  if (rule.And) {
    const rules = rule.And;
    return (scope) => rules.every((inner) => evaluateChoiceRule(inner, scope));
  }
  if (rule.Or) {
    const rules = rule.Or;
    return (scope) => rules.some((inner) => evaluateChoiceRule(inner, scope));
  }
  if (rule.Not) {
    const inner = rule.Not;
    return (scope) => !evaluateChoiceRule(inner, scope);
  }
  return compileComparison(rule);
}

function compileComparison(rule: ChoiceRule): CompiledRule {
  const variable = rule.Variable;
  if (typeof variable !== 'string') throw runtimeError('A Choice rule must have a Variable, And, Or or Not field');
  if (rule.IsPresent !== undefined) {
    const expected = rule.IsPresent;
    return (scope) => queryPath(variable, scope).found === expected;
  }
  const { comparator, operand, operandIsPath } = findOperator(rule);
  return (scope) => {
    const value = requireValue(variable, scope);
    return comparator(value, operandIsPath ? requireValue(operand as string, scope) : operand);
  };
}

function findOperator(rule: ChoiceRule): { comparator: Comparator; operand: Json; operandIsPath: boolean } {
  for (const [key, operand] of Object.entries(rule)) {
    const literal = comparatorNamed(key);
    if (literal) return { comparator: literal, operand: operand as Json, operandIsPath: false };
    const base = key.endsWith(PATH_SUFFIX) ? key.slice(0, -PATH_SUFFIX.length) : '';
    if (base && Object.hasOwn(PATH_CAPABLE_COMPARATORS, base) && typeof operand === 'string') {
      return { comparator: PATH_CAPABLE_COMPARATORS[base], operand, operandIsPath: true };
    }
  }
  throw runtimeError(`The Choice rule on '${rule.Variable}' has no known comparison operator`);
}

function comparatorNamed(key: string): Comparator | undefined {
  if (Object.hasOwn(PATH_CAPABLE_COMPARATORS, key)) return PATH_CAPABLE_COMPARATORS[key];
  if (Object.hasOwn(LITERAL_ONLY_COMPARATORS, key)) return LITERAL_ONLY_COMPARATORS[key];
  return undefined;
}

function requireValue(path: string, scope: PathScope): Json {
  const result = queryPath(path, scope);
  if (!result.found) throw invalidPath(path, result);
  return result.value;
}
