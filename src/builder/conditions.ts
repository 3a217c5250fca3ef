/**
 * Typed conditions for Choice rules. Operands are accessor paths or literals; both sides of a
 * comparison must have the same type, so comparing a number field to a string does not compile.
 * @example .when((s) => and(gte(s.input.best.mean, s.vars.baseline), eq(s.input.status, 'ok')), …)
 */
import type { Json } from '../asl/json';
import { BuilderError } from './builder-error';
import { pathOf, toTemplate, type PathExpression, type Template } from './expression';

export type Comparison = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

export type ConditionNode =
  | { kind: 'compare'; op: Comparison; left: Template; right: Template }
  | { kind: 'and' | 'or'; operands: readonly ConditionNode[] }
  | { kind: 'not'; operand: ConditionNode }
  | { kind: 'present'; path: PathExpression }
  | { kind: 'matches'; value: Template; pattern: string }
  /** A boolean-typed path or JSONata expression used as a condition on its own. */
  | { kind: 'truthy'; value: Template };

const NODE = Symbol('statecraft.condition');

/** A Choice condition, built with the functions of this module. */
export interface Condition {
  readonly [NODE]: ConditionNode;
}

type Primitive = string | number | boolean | null;

function condition(node: ConditionNode): Condition {
  return { [NODE]: node };
}

function compare(op: Comparison, left: unknown, right: unknown): Condition {
  return condition({ kind: 'compare', op, left: toTemplate(left, op), right: toTemplate(right, op) });
}

/** `left = right`. */
export function eq<T extends Primitive>(left: T, right: NoInfer<T>): Condition {
  return compare('eq', left, right);
}
/** `left != right`. */
export function ne<T extends Primitive>(left: T, right: NoInfer<T>): Condition {
  return compare('ne', left, right);
}
/** `left > right` (numbers, or strings in code-point order). */
export function gt<T extends number | string>(left: T, right: NoInfer<T>): Condition {
  return compare('gt', left, right);
}
/** `left >= right`. */
export function gte<T extends number | string>(left: T, right: NoInfer<T>): Condition {
  return compare('gte', left, right);
}
/** `left < right`. */
export function lt<T extends number | string>(left: T, right: NoInfer<T>): Condition {
  return compare('lt', left, right);
}
/** `left <= right`. */
export function lte<T extends number | string>(left: T, right: NoInfer<T>): Condition {
  return compare('lte', left, right);
}
/** Every operand holds. */
export function and(...operands: Condition[]): Condition {
  return condition({ kind: 'and', operands: operands.map(nodeOf) });
}
/** At least one operand holds. */
export function or(...operands: Condition[]): Condition {
  return condition({ kind: 'or', operands: operands.map(nodeOf) });
}
/** The operand does not hold. */
export function not(operand: Condition): Condition {
  return condition({ kind: 'not', operand: nodeOf(operand) });
}
/** The (optional) field exists. */
export function isPresent(field: Json | undefined): Condition {
  const path = pathOf(field);
  if (!path) throw new BuilderError('isPresent: the operand must be an accessor path');
  return condition({ kind: 'present', path });
}
/** The string matches a glob where `*` stands for any run of characters (ASL StringMatches). */
export function matches(value: string, pattern: string): Condition {
  return condition({ kind: 'matches', value: toTemplate(value, 'matches'), pattern });
}

/** The IR of a condition, or of a boolean accessor used directly as one. */
export function toConditionNode(value: Condition | boolean): ConditionNode {
  if (typeof value === 'object' && value !== null && NODE in value) return value[NODE];
  return { kind: 'truthy', value: toTemplate(value, 'condition') };
}

function nodeOf(value: Condition): ConditionNode {
  return value[NODE];
}
