import type { Json } from '../../asl/json';
import type { JsonataBindings } from './bindings';
import { evaluateExpression } from './evaluate-expression';
import { expressionOf, isJsonataTemplate } from './template-syntax';

/**
 * Evaluates every '{% %}' string inside template (objects/arrays recursed; other values as-is).
 * `field` names the template in error causes ('Arguments', 'Output', 'Assign'); nested keys
 * extend it as AWS writes them: 'Arguments/FunctionName', and `[i]` per array index.
 * Never returns undefined: AWS fails the state when any expression returns nothing.
 */
export async function evaluateJsonataTemplate(template: Json, bindings: JsonataBindings, field: string): Promise<Json> {
  if (typeof template === 'string') {
    return isJsonataTemplate(template) ? evaluateExpression(expressionOf(template), bindings, field) : template;
  }
  if (typeof template !== 'object' || template === null || !containsTemplate(template)) return template;
  if (Array.isArray(template)) {
    const values: Json[] = [];
    // Sequential, so the first failing element is the one reported, as in key order on AWS.
    for (let index = 0; index < template.length; index += 1) {
      values.push(await evaluateJsonataTemplate(template[index], bindings, `${field}[${index}]`));
    }
    return values;
  }
  const object: { [key: string]: Json } = {};
  for (const key of Object.keys(template)) {
    object[key] = await evaluateJsonataTemplate(template[key], bindings, `${field}/${key}`);
  }
  return object;
}

// Definitions are immutable and evaluated many times: remember which subtrees are constant.
const hasTemplate = new WeakMap<object, boolean>();

function containsTemplate(value: Json[] | { [key: string]: Json }): boolean {
  let known = hasTemplate.get(value);
  if (known === undefined) {
    const children = Array.isArray(value) ? value : Object.values(value);
    known = children.some((child) =>
      typeof child === 'object' && child !== null ? containsTemplate(child) : isJsonataTemplate(child),
    );
    hasTemplate.set(value, known);
  }
  return known;
}
