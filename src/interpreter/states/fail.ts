/**
 * Fail: ends its branch with an error and cause (literal, from a path, or from JSONata).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-fail.html
 */
import type { FailState } from '../../asl/definition';
import type { Json } from '../../asl/json';
import { StatesError } from '../../asl/errors';
import { evaluateJsonataTemplate } from '../jsonata';
import { selectPath } from '../jsonpath';
import { jsonataBindings, pathScope } from '../query';
import type { StateContext } from '../runtime';

export async function failureOf(state: FailState, input: Json, ctx: StateContext): Promise<StatesError> {
  const error = await field(state.Error, state.ErrorPath, 'Error', input, ctx);
  const cause = await field(state.Cause, state.CausePath, 'Cause', input, ctx);
  return new StatesError(error ?? '', cause, false);
}

async function field(value: string | undefined, path: string | undefined, name: string, input: Json, ctx: StateContext): Promise<string | undefined> {
  if (value !== undefined) {
    if (ctx.queryLanguage !== 'JSONata') return value;
    const evaluated = await evaluateJsonataTemplate(value, jsonataBindings(ctx, input), name);
    return typeof evaluated === 'string' ? evaluated : JSON.stringify(evaluated);
  }
  if (path === undefined) return undefined;
  const found = selectPath(path, pathScope(ctx, input), `${name}Path`);
  return typeof found === 'string' ? found : JSON.stringify(found);
}
