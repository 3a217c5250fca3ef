/**
 * Templates and conditions as JSONPath: paths in `.$` fields, operator-named Choice rules. JSONPath
 * cannot express everything JSONata can; what it cannot is a BuilderError naming the state.
 */
import type { ChoiceRule } from '../../asl/definition';
import type { Json, JsonObject } from '../../asl/json';
import { BuilderError } from '../builder-error';
import type { ConditionNode } from '../conditions';
import { describePath, lengthOf, type PathExpression, type Template } from '../expression';

/** What `$` stands for where the template is evaluated: the state input, or the task result. */
export type Subject = 'input' | 'result';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function jsonPath(path: PathExpression, subject: Subject, where: string): string {
  // `$.items.length` reads a field, never a count, and no JSONPath field (Variable, SecondsPath, …)
  // takes an intrinsic: refuse rather than render a path that is empty at run time.
  const measured = lengthOf(path);
  if (measured) throw new BuilderError(`${where}: JSONPath cannot read the length of ${describePath(measured)}; use JSONata`);
  const [first, ...rest] = path.segments;
  if (path.root === 'variable') return `$${String(first)}${rest.map(segmentText).join('')}`;
  if (path.root === 'context') return `$$${path.segments.map(segmentText).join('')}`;
  if (path.root !== subject) throw new BuilderError(`${where}: JSONPath cannot read ${describePath(path)} here; use JSONata`);
  return `$${path.segments.map(segmentText).join('')}`;
}

function segmentText(segment: string | number): string {
  if (typeof segment === 'number') return `[${segment}]`;
  return IDENTIFIER.test(segment) ? `.${segment}` : `['${segment}']`;
}

/** A payload template (Parameters, ItemSelector, ResultSelector): computed fields get a `.$` key. */
export function jsonPathPayload(template: Template, subject: Subject, where: string): Json {
  switch (template.kind) {
    case 'literal':
      return template.value;
    case 'object': {
      const payload: JsonObject = {};
      for (const [key, field] of Object.entries(template.fields)) {
        if (field.kind === 'path') payload[`${key}.$`] = jsonPath(field, subject, where);
        else payload[key] = jsonPathPayload(field, subject, `${where}.${key}`);
      }
      return payload;
    }
    case 'array':
      return template.items.map((item, i) => {
        if (item.kind === 'path') throw new BuilderError(`${where}[${i}]: JSONPath cannot place a path directly in an array; use JSONata`);
        return jsonPathPayload(item, subject, `${where}[${i}]`);
      });
    case 'path':
      throw new BuilderError(`${where}: JSONPath payloads must be objects; wrap ${describePath(template)} in a field`);
    case 'jsonata':
      throw new BuilderError(`${where}: jsonata\`…\` expressions need the JSONata query language`);
  }
}

const SUFFIX = { eq: 'Equals', gt: 'GreaterThan', gte: 'GreaterThanEquals', lt: 'LessThan', lte: 'LessThanEquals' } as const;
const MIRRORED = { eq: 'eq', ne: 'ne', gt: 'lt', gte: 'lte', lt: 'gt', lte: 'gte' } as const;

export function jsonPathCondition(node: ConditionNode, where: string): ChoiceRule {
  switch (node.kind) {
    case 'compare': {
      const swap = node.left.kind !== 'path';
      const [left, right, op] = swap ? [node.right, node.left, MIRRORED[node.op]] : [node.left, node.right, node.op];
      if (left.kind !== 'path' || right.kind !== 'literal') {
        throw new BuilderError(`${where}: JSONPath compares a path with a literal only; use JSONata`);
      }
      const variable = jsonPath(left, 'input', where);
      if (op === 'ne') return { Not: comparison(variable, 'eq', right.value, where) };
      return comparison(variable, op, right.value, where);
    }
    case 'and':
      return { And: node.operands.map((item) => jsonPathCondition(item, where)) };
    case 'or':
      return { Or: node.operands.map((item) => jsonPathCondition(item, where)) };
    case 'not':
      return { Not: jsonPathCondition(node.operand, where) };
    case 'present':
      return { Variable: jsonPath(node.path, 'input', where), IsPresent: true };
    case 'matches':
      if (node.value.kind !== 'path') throw new BuilderError(`${where}: JSONPath matches a path only`);
      return { Variable: jsonPath(node.value, 'input', where), StringMatches: node.pattern };
    case 'truthy':
      if (node.value.kind !== 'path') throw new BuilderError(`${where}: JSONPath tests a boolean path only`);
      return { Variable: jsonPath(node.value, 'input', where), BooleanEquals: true };
  }
}

function comparison(variable: string, op: keyof typeof SUFFIX, value: Json, where: string): ChoiceRule {
  if (value === null && op === 'eq') return { Variable: variable, IsNull: true };
  if (typeof value === 'string') return { Variable: variable, [`String${SUFFIX[op]}`]: value };
  if (typeof value === 'number') return { Variable: variable, [`Numeric${SUFFIX[op]}`]: value };
  if (typeof value === 'boolean' && op === 'eq') return { Variable: variable, BooleanEquals: value };
  throw new BuilderError(`${where}: JSONPath cannot compare with ${JSON.stringify(value)}`);
}
