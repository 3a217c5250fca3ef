/**
 * A Map state's numbers and items, resolved from literals, `…Path` references or JSONata.
 */
import type { MapState } from '../../asl/definition';
import type { Json } from '../../asl/json';
import { isJsonObject } from '../../asl/json';
import { queryEvaluationError, runtimeError } from '../../asl/errors';
import { applyInputPath, selectPath } from '../jsonpath';
import { evaluateJsonataNumber, evaluateJsonataTemplate } from '../jsonata';
import { jsonataBindings, pathScope } from '../query';
import type { StateContext } from '../runtime';

export interface MapLimits {
  maxConcurrency: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
}

export async function mapItems(state: MapState, input: Json, ctx: StateContext): Promise<Json[]> {
  if (ctx.queryLanguage === 'JSONata') {
    if (state.Items === undefined) {
      if (!Array.isArray(input)) throw queryEvaluationError(`Map state input must be an array but was: ${JSON.stringify(input)}`);
      return input;
    }
    const items = await evaluateJsonataTemplate(state.Items, jsonataBindings(ctx, input), 'Items');
    if (!Array.isArray(items)) {
      const expr = typeof state.Items === 'string' ? state.Items.replace(/^\{%\s*|\s*%\}$/g, '') : JSON.stringify(state.Items);
      throw queryEvaluationError(`The JSONata expression '${expr}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${typeName(items)}' for value: ${JSON.stringify(items)}`);
    }
    return items;
  }
  const scope = pathScope(ctx, input);
  const effective = applyInputPath(input, state.InputPath, scope);
  const items = state.ItemsPath === undefined ? effective : selectPath(state.ItemsPath, scope.withInput(effective), 'ItemsPath');
  if (!Array.isArray(items)) throw runtimeError(`Map state input must be an array, but was: ${JSON.stringify(items)}`);
  return items;
}

function typeName(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return isJsonObject(value) ? 'object' : typeof value;
}

export async function mapLimits(state: MapState, input: Json, ctx: StateContext): Promise<MapLimits> {
  return {
    maxConcurrency: (await numberField(state.MaxConcurrency, state.MaxConcurrencyPath, 'MaxConcurrency', input, ctx)) ?? 0,
    toleratedFailureCount: await numberField(state.ToleratedFailureCount, state.ToleratedFailureCountPath, 'ToleratedFailureCount', input, ctx),
    toleratedFailurePercentage: await numberField(state.ToleratedFailurePercentage, state.ToleratedFailurePercentagePath, 'ToleratedFailurePercentage', input, ctx),
  };
}

type LimitField = 'MaxConcurrency' | 'ToleratedFailureCount' | 'ToleratedFailurePercentage';

/**
 * A literal (asl-validator has checked its range), a JSONata template (range-checked as the
 * other number fields are), or a `…Path`: the value it selects must fit the field or the
 * execution fails with States.Runtime, after MapStateStarted, with AWS's cause.
 */
async function numberField(value: number | string | undefined, path: string | undefined, field: LimitField, input: Json, ctx: StateContext): Promise<number | undefined> {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return evaluateJsonataNumber(value, jsonataBindings(ctx, input), field);
  if (path === undefined) return undefined;
  const found = selectPath(path, pathScope(ctx, input), `${field}Path`);
  return field === 'ToleratedFailurePercentage' ? percentageAt(found, path) : countAt(found, path, field);
}

/** An integer, or a string of digits (read as Java's Integer.parseInt would); not negative. */
export function countAt(found: Json, path: string, field: 'MaxConcurrency' | 'ToleratedFailureCount'): number {
  const n = typeof found === 'string' && /^[+-]?\d+$/.test(found) ? Number(found) : found;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw runtimeError(`The ${field}Path field refers to value ${quoted(found)} which is not a valid integer: ${path}`);
  }
  if (n >= 0) return n;
  throw runtimeError(field === 'MaxConcurrency' ? `Expected non-negative integer for MaxConcurrency, got '${n}' instead.` : 'ToleratedFailureCount cannot be negative.');
}

/** A number (or a string of digits) from 0 to 100. */
export function percentageAt(found: Json, path: string): number {
  const n = typeof found === 'string' && /^[+-]?\d+$/.test(found) ? Number(found) : found;
  if (typeof n !== 'number') {
    throw runtimeError(`The ToleratedFailurePercentagePath field refers to value ${quoted(found)} which is not a valid float: ${path}`);
  }
  if (n < 0 || n > 100) throw runtimeError('ToleratedFailurePercentage must be between 0 and 100.');
  return n;
}

/** AWS quotes the offending value: a string as it is, any other value as its JSON text. */
function quoted(value: Json): string {
  return `"${typeof value === 'string' ? value : JSON.stringify(value)}"`;
}

/** Whether `failures` out of `total` exceeds what the state tolerates. */
export function exceedsTolerance(limits: MapLimits, failures: number, total: number): boolean {
  if (failures === 0) return false;
  const { toleratedFailureCount: count, toleratedFailurePercentage: pct } = limits;
  if (count === undefined && pct === undefined) return true;
  // Either threshold, once exceeded, fails the state.
  const byCount = count !== undefined && failures > count;
  const byPct = pct !== undefined && total > 0 && (failures / total) * 100 > pct;
  return byCount || byPct;
}
