import jsonata from 'jsonata';
import { registerStepFunctionsFunctions } from './sfn-functions';

/** A JSONata expression parsed once, with what evaluation needs to know about it. */
export interface CompiledExpression {
  readonly expression?: jsonata.Expression;
  /** The parse failure, kept so a broken expression fails the same way on every evaluation. */
  readonly syntaxError?: unknown;
  /** Every `$name` the expression references, so only those variables are bound per evaluation. */
  readonly variableNames: readonly string[];
}

// Keyed by source text: a definition's expressions are few and evaluated many times.
const cache = new Map<string, CompiledExpression>();

export function compileExpression(source: string): CompiledExpression {
  let compiled = cache.get(source);
  if (compiled === undefined) {
    compiled = compile(source);
    cache.set(source, compiled);
  }
  return compiled;
}

function compile(source: string): CompiledExpression {
  let expression: jsonata.Expression;
  try {
    expression = jsonata(source);
  } catch (syntaxError) {
    return { syntaxError, variableNames: [] };
  }
  registerStepFunctionsFunctions(expression);
  return { expression, variableNames: [...referencedVariables(expression.ast())] };
}

/** Walks the AST generically: variable nodes appear under many node kinds (steps, lambdas, predicates). */
function referencedVariables(node: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const child of node) referencedVariables(child, names);
  } else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (record.type === 'variable' && typeof record.value === 'string' && record.value !== '') {
      names.add(record.value);
    }
    for (const key of Object.keys(record)) {
      if (key !== 'value' || record.type !== 'variable') referencedVariables(record[key], names);
    }
  }
  return names;
}
