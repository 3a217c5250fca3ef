import type { Json } from '../../asl/json';

/**
 * What a JSONata expression sees: `$states` and the variables in scope (variables may be a
 * prototype-chained object: look names up with `in`, never Object.keys).
 */
export interface JsonataBindings {
  states: { input: Json; context: Json; result?: Json; errorOutput?: Json };
  variables: Readonly<Record<string, Json>>;
}

/**
 * The bindings object handed to jsonata for one evaluation. jsonata copies only *own* keys of
 * it, and the variables object is prototype-chained by scope, so only the names the expression
 * references are copied, each found with `in` so an outer scope's variable is seen.
 * `states` is bound last: a variable cannot shadow the reserved `$states`.
 */
export function evaluationBindings(
  referencedNames: readonly string[],
  bindings: JsonataBindings,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const { variables } = bindings;
  for (const name of referencedNames) {
    if (name in variables) result[name] = variables[name];
  }
  result.states = bindings.states;
  return result;
}
