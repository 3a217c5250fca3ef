/**
 * The data flow of a state in either query language: what its work receives, and what it
 * outputs and assigns afterwards. States call these; only these know both languages.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
 */
import type { Json, JsonObject } from '../asl/json';
import { runtimeError } from '../asl/errors';
import {
  applyInputPath,
  applyOutputPath,
  applyResultPath,
  evaluatePayloadTemplate,
  type PathScope,
} from './jsonpath';
import { evaluateJsonataTemplate, type JsonataBindings } from './jsonata';
import type { StateContext } from './runtime';
import { contextObject } from './context-object';

export interface DataFlowFields {
  InputPath?: string | null;
  Parameters?: Json;
  Arguments?: Json;
  ResultSelector?: Json;
  ResultPath?: string | null;
  OutputPath?: string | null;
  Output?: Json;
  Assign?: JsonObject;
}

export interface StateResult {
  output: Json;
  assigned?: JsonObject;
}

/**
 * The context object is built only when an expression reads it: most states never do, and
 * building it (dates as ISO text) would cost more than the state itself.
 */
class LazyPathScope implements PathScope {
  private built?: JsonObject;
  readonly variables: Readonly<Record<string, Json>>;

  constructor(private readonly ctx: StateContext, readonly input: Json, context?: JsonObject) {
    this.built = context;
    this.variables = ctx.frame.variables;
  }

  get context(): Json {
    return (this.built ??= contextObject(this.ctx));
  }

  /** The same scope over another input (`$` changes, `$$` and variables do not). */
  withInput(input: Json): LazyPathScope {
    return new LazyPathScope(this.ctx, input, this.built);
  }
}

export function pathScope(ctx: StateContext, input: Json, context?: JsonObject): LazyPathScope {
  return new LazyPathScope(ctx, input, context);
}

export function jsonataBindings(ctx: StateContext, input: Json, extra?: { result?: Json; errorOutput?: Json; context?: JsonObject }): JsonataBindings {
  let context = extra?.context;
  return {
    states: {
      input,
      get context(): Json {
        return (context ??= contextObject(ctx));
      },
      result: extra?.result,
      errorOutput: extra?.errorOutput,
    },
    variables: ctx.frame.variables,
  };
}

/**
 * JSONPath evaluation is synchronous and JSONata's is not: these functions return a plain value for
 * JSONPath states, so that the common Pass/Choice path never waits on a promise.
 */
export type MaybePromise<T> = T | Promise<T>;

/** The value the state's work gets: InputPath then Parameters (JSONPath), or Arguments (JSONata). */
export function effectiveInput(ctx: StateContext, state: DataFlowFields, rawInput: Json, context?: JsonObject): MaybePromise<Json> {
  if (ctx.queryLanguage === 'JSONata') {
    if (state.Arguments === undefined) return rawInput;
    return evaluateJsonataTemplate(state.Arguments, jsonataBindings(ctx, rawInput, { context }), 'Arguments');
  }
  const scope = pathScope(ctx, rawInput, context);
  const afterInputPath = applyInputPath(rawInput, state.InputPath, scope);
  if (state.Parameters === undefined) return afterInputPath;
  return evaluatePayloadTemplate(state.Parameters, scope.withInput(afterInputPath), 'Parameters');
}

/**
 * After the work produced `result`: ResultSelector, ResultPath, OutputPath and Assign (JSONPath),
 * or Output and Assign (JSONata). Assign sees the variables as they were when the state started.
 */
export function stateOutput(ctx: StateContext, state: DataFlowFields, rawInput: Json, result: Json): MaybePromise<StateResult> {
  if (ctx.queryLanguage === 'JSONata') return jsonataOutput(state, jsonataBindings(ctx, rawInput, { result }), result);
  const scope = pathScope(ctx, rawInput);
  const selected = state.ResultSelector === undefined ? result : evaluatePayloadTemplate(state.ResultSelector, scope.withInput(result), 'ResultSelector');
  const assigned = state.Assign ? (evaluatePayloadTemplate(state.Assign, scope.withInput(selected), 'Assign') as JsonObject) : undefined;
  const merged = applyResultPath(rawInput, selected, state.ResultPath);
  return { output: applyOutputPath(merged, state.OutputPath, scope), assigned };
}

/** Output and Assign of a state that has no work (Choice, Wait, Succeed): the input flows through. */
export function passThroughOutput(ctx: StateContext, state: DataFlowFields, rawInput: Json): MaybePromise<StateResult> {
  if (ctx.queryLanguage === 'JSONata') return jsonataOutput(state, jsonataBindings(ctx, rawInput), rawInput);
  const scope = pathScope(ctx, rawInput);
  const afterInputPath = applyInputPath(rawInput, state.InputPath, scope);
  const assigned = state.Assign ? (evaluatePayloadTemplate(state.Assign, scope.withInput(afterInputPath), 'Assign') as JsonObject) : undefined;
  return { output: applyOutputPath(afterInputPath, state.OutputPath, scope), assigned };
}

/** JSONata Output and Assign; without Output the state outputs `fallback`. */
async function jsonataOutput(fields: { Output?: Json; Assign?: JsonObject }, bindings: JsonataBindings, fallback: Json): Promise<StateResult> {
  const assigned = fields.Assign ? await evaluateAssignJsonata(fields.Assign, bindings) : undefined;
  const output = fields.Output === undefined ? fallback : await evaluateJsonataTemplate(fields.Output, bindings, 'Output');
  return { output, assigned };
}

export async function evaluateAssignJsonata(assign: JsonObject, bindings: JsonataBindings): Promise<JsonObject> {
  const value = await evaluateJsonataTemplate(assign, bindings, 'Assign');
  return value as JsonObject;
}

/** Catch: the error output {Error, Cause} placed by the catcher's ResultPath or Output. */
export async function catcherOutput(
  ctx: StateContext,
  catcher: { ResultPath?: string | null; Output?: Json; Assign?: JsonObject },
  rawInput: Json,
  errorOutput: JsonObject,
): Promise<StateResult> {
  if (ctx.queryLanguage === 'JSONata') return jsonataOutput(catcher, jsonataBindings(ctx, rawInput, { errorOutput }), errorOutput);
  const scope = pathScope(ctx, rawInput);
  const assigned = catcher.Assign ? (evaluatePayloadTemplate(catcher.Assign, scope.withInput(errorOutput), 'Assign') as JsonObject) : undefined;
  return { output: applyResultPath(rawInput, errorOutput, catcher.ResultPath), assigned };
}

/** A number field given literally, as a JSONPath reference (`…Path`) or as a JSONata template. */
export function requireInteger(value: Json | undefined, field: string, path: string): number {
  // AWS also takes integers written as strings ("1"), as Java's Integer.parseInt would.
  const n = typeof value === 'string' && /^[+-]?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw runtimeError(`The ${field} field refers to value ${JSON.stringify(value)} which is not a valid integer: ${path}`);
  }
  return n;
}

/** A number, or a string holding one. */
export function requireNumber(value: Json | undefined, field: string, path: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || Number.isNaN(n)) {
    throw runtimeError(`The ${field} field refers to value ${JSON.stringify(value)} which is not a valid number: ${path}`);
  }
  return n;
}
