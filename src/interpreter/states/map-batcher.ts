/**
 * ItemBatcher's fields evaluated once per Map attempt: MaxItemsPerBatch and MaxInputBytesPerBatch as
 * numbers, `…Path` references (JSONPath) or JSONata expressions, and BatchInput as a payload template
 * (JSONPath `.$` fields) or a JSONata template.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html
 */
import type { MapState } from '../../asl/definition';
import type { Json, JsonObject } from '../../asl/json';
import { runtimeError } from '../../asl/errors';
import { evaluateJsonataTemplate } from '../jsonata';
import { evaluatePayloadTemplate, selectPath } from '../jsonpath';
import { jsonataBindings, pathScope, requireInteger } from '../query';
import type { StateContext } from '../runtime';

/** The batcher with literal values only, or undefined when the state has none. */
export async function resolveBatcher(state: MapState, input: Json, ctx: StateContext): Promise<JsonObject | undefined> {
  const batcher = state.ItemBatcher;
  if (!batcher) return undefined;
  const resolved: JsonObject = {};
  for (const field of ['MaxItemsPerBatch', 'MaxInputBytesPerBatch']) {
    const value = await limit(batcher, field, input, ctx);
    if (value !== undefined) resolved[field] = value;
  }
  if (batcher.BatchInput !== undefined) resolved.BatchInput = await batchInput(batcher.BatchInput, input, ctx);
  return resolved;
}

async function limit(batcher: JsonObject, field: string, input: Json, ctx: StateContext): Promise<number | undefined> {
  let value: Json | undefined = batcher[field];
  const path = batcher[`${field}Path`];
  if (typeof value === 'string') value = await evaluateJsonataTemplate(value, jsonataBindings(ctx, input), field);
  else if (value === undefined && typeof path === 'string') value = requireInteger(selectPath(path, pathScope(ctx, input), `${field}Path`), `${field}Path`, path);
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw runtimeError(`The ItemBatcher field '${field}' must be a positive integer, but was: ${JSON.stringify(value)}`);
  }
  return value;
}

function batchInput(template: Json, input: Json, ctx: StateContext): Json | Promise<Json> {
  if (ctx.queryLanguage === 'JSONata') return evaluateJsonataTemplate(template, jsonataBindings(ctx, input), 'BatchInput');
  return evaluatePayloadTemplate(template, pathScope(ctx, input), 'BatchInput');
}
