/** Templates and conditions as JSONata: `{% %}` strings inside JSON values. */
import type { Json } from '../../asl/json';
import type { ConditionNode } from '../conditions';
import { lengthOf, type PathExpression, type Template } from '../expression';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function jsonataPath(path: PathExpression): string {
  const measured = lengthOf(path);
  return measured ? lengthExpression(plainPath(measured)) : plainPath(path);
}

/**
 * JavaScript's `.length` in JSONata: `$count` of an array, `$length` of a string, and the field
 * itself on an object that has one. The value is bound once so the path is read once.
 */
function lengthExpression(path: string): string {
  return `($v := ${path}; $type($v) = "array" ? $count($v) : $type($v) = "string" ? $length($v) : $v.length)`;
}

function plainPath(path: PathExpression): string {
  const [first, ...rest] = path.segments;
  const base = path.root === 'variable' ? `$${String(first)}` : `$states.${path.root}`;
  const segments = path.root === 'variable' ? rest : path.segments;
  return base + segments.map(segmentText).join('');
}

function segmentText(segment: string | number): string {
  if (typeof segment === 'number') return `[${segment}]`;
  return IDENTIFIER.test(segment) ? `.${segment}` : `.\`${segment}\``;
}

/** The template as one JSONata expression. */
export function jsonataExpression(template: Template): string {
  switch (template.kind) {
    case 'literal':
      return JSON.stringify(template.value);
    case 'path':
      return jsonataPath(template);
    case 'jsonata':
      return template.strings.reduce((text, part, i) => text + part + (i < template.holes.length ? holeText(template.holes[i]!) : ''), '');
    case 'object':
      return `{${Object.entries(template.fields).map(([key, field]) => `${JSON.stringify(key)}: ${jsonataExpression(field)}`).join(', ')}}`;
    case 'array':
      return `[${template.items.map(jsonataExpression).join(', ')}]`;
  }
}

function holeText(hole: Template): string {
  return hole.kind === 'path' || hole.kind === 'literal' ? jsonataExpression(hole) : `(${jsonataExpression(hole)})`;
}

const EXPRESSION_STRING = /^\s*\{%[\s\S]*%\}\s*$/;

/** The template as a JSON value whose computed leaves are `{% %}` strings. */
export function jsonataValue(template: Template): Json {
  switch (template.kind) {
    case 'literal':
      // A literal string shaped like an expression would be evaluated: quote it inside one.
      return typeof template.value === 'string' && EXPRESSION_STRING.test(template.value)
        ? `{% ${JSON.stringify(template.value)} %}`
        : template.value;
    case 'object':
      return Object.fromEntries(Object.entries(template.fields).map(([key, field]) => [key, jsonataValue(field)]));
    case 'array':
      return template.items.map(jsonataValue);
    default:
      return `{% ${jsonataExpression(template)} %}`;
  }
}

const OPERATORS = { eq: '=', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

export function jsonataCondition(node: ConditionNode): string {
  switch (node.kind) {
    case 'compare':
      return `${operand(node.left)} ${OPERATORS[node.op]} ${operand(node.right)}`;
    case 'and':
    case 'or':
      return node.operands.map((item) => `(${jsonataCondition(item)})`).join(` ${node.kind} `);
    case 'not':
      return `$not(${jsonataCondition(node.operand)})`;
    case 'present':
      return `$exists(${jsonataPath(node.path)})`;
    case 'matches':
      return `$contains(${jsonataExpression(node.value)}, ${globToRegex(node.pattern)})`;
    case 'truthy':
      return jsonataExpression(node.value);
  }
}

function operand(template: Template): string {
  return template.kind === 'jsonata' ? `(${jsonataExpression(template)})` : jsonataExpression(template);
}

/** ASL StringMatches globs (`*` = any run) as an anchored JSONata regex. */
function globToRegex(pattern: string): string {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return `/^${body}$/`;
}
