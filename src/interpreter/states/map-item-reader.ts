/**
 * A distributed Map's ItemReader: its Parameters (JSONPath) or Arguments (JSONata) and ReaderConfig
 * evaluated against the state input, then read lazily through the host's item source.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 */
import type { MapState } from '../../asl/definition';
import type { Json, JsonObject } from '../../asl/json';
import { isJsonObject } from '../../asl/json';
import { evaluateJsonataTemplate } from '../jsonata';
import { applyInputPath, evaluatePayloadTemplate, selectPath } from '../jsonpath';
import { itemReaderFailed, readDataset, type DatasetRequest } from '../item-reader';
import { jsonataBindings, pathScope, requireInteger } from '../query';
import type { StateContext } from '../runtime';

/** AWS reads at most 100,000,000 items from one dataset. */
export const MAX_ITEM_READER_ITEMS = 100_000_000;

/** The dataset's items, in arrays of what each read produced. */
export async function readerItems(state: MapState, input: Json, ctx: StateContext): Promise<AsyncIterator<Json[]>> {
  const source = ctx.rt.services.items;
  if (!source) throw itemReaderFailed('No item source is configured: this host cannot read an ItemReader dataset.');
  const request = await datasetRequest(state, input, ctx);
  return readDataset(source, request, ctx.rt.signal)[Symbol.asyncIterator]();
}

async function datasetRequest(state: MapState, input: Json, ctx: StateContext): Promise<DatasetRequest> {
  const reader = state.ItemReader!;
  const params = await readerParameters(reader, input, ctx, state.InputPath);
  const config = isJsonObject(reader.ReaderConfig) ? reader.ReaderConfig : {};
  const bucket = params.Bucket;
  if (typeof bucket !== 'string') throw itemReaderFailed('The ItemReader parameters must name a Bucket.');
  return {
    resource: String(reader.Resource),
    bucket,
    key: optionalString(params.Key),
    prefix: optionalString(params.Prefix),
    versionId: optionalString(params.VersionId),
    inputType: optionalString(config.InputType),
    csvHeaderLocation: optionalString(config.CSVHeaderLocation),
    csvHeaders: Array.isArray(config.CSVHeaders) ? config.CSVHeaders.map(String) : undefined,
    csvDelimiter: optionalString(config.CSVDelimiter),
    maxItems: await maxItems(config, input, ctx),
  };
}

/** JSONPath Parameters see the input after InputPath, as the state's other templates do. */
async function readerParameters(reader: JsonObject, input: Json, ctx: StateContext, inputPath: string | null | undefined): Promise<JsonObject> {
  let params: Json;
  if (ctx.queryLanguage === 'JSONata') {
    params = reader.Arguments === undefined ? {} : await evaluateJsonataTemplate(reader.Arguments, jsonataBindings(ctx, input), 'Arguments');
  } else {
    const scope = pathScope(ctx, input);
    params = reader.Parameters === undefined ? {} : evaluatePayloadTemplate(reader.Parameters, scope.withInput(applyInputPath(input, inputPath, scope)), 'Parameters');
  }
  if (!isJsonObject(params)) throw itemReaderFailed('The ItemReader parameters must be an object.');
  return params;
}

/** MaxItems (a number, or JSONata), or MaxItemsPath into the state input; 0 or absent reads everything. */
async function maxItems(config: JsonObject, input: Json, ctx: StateContext): Promise<number | undefined> {
  let value: Json | undefined = config.MaxItems;
  if (typeof value === 'string') value = await evaluateJsonataTemplate(value, jsonataBindings(ctx, input), 'MaxItems');
  else if (value === undefined && typeof config.MaxItemsPath === 'string') {
    value = requireInteger(selectPath(config.MaxItemsPath, pathScope(ctx, input), 'MaxItemsPath'), 'MaxItemsPath', config.MaxItemsPath);
  }
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_ITEM_READER_ITEMS) {
    throw itemReaderFailed(`MaxItems must be an integer from 0 to ${MAX_ITEM_READER_ITEMS}, but was: ${JSON.stringify(value)}`);
  }
  return value;
}

function optionalString(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
