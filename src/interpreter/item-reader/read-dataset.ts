/**
 * Turns a resolved ItemReader into a stream of items, through the host's ItemSource.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 */
import type { Json, JsonObject } from '../../asl/json';
import type { ItemSource } from '../integrations/services';
import { CSV_DELIMITERS, csvItems } from './csv';
import { itemReaderFailed, sourceFailure } from './errors';
import { jsonArrayItems } from './json-array';
import { jsonlItems } from './jsonl';
import { inventoryItems, parseInventoryManifest } from './manifest';

export const LIST_OBJECTS_V2 = 'arn:aws:states:::s3:listObjectsV2';
export const GET_OBJECT = 'arn:aws:states:::s3:getObject';

/** A reader whose Parameters/Arguments and ReaderConfig have been evaluated. */
export interface DatasetRequest {
  resource: string;
  bucket: string;
  key?: string;
  prefix?: string;
  versionId?: string;
  inputType?: string;
  csvHeaderLocation?: string;
  csvHeaders?: string[];
  csvDelimiter?: string;
  maxItems?: number;
}

/**
 * Items in the order AWS reads them, at most `maxItems` (0 or absent: all), in arrays of what one
 * read produced; failures become States.ItemReaderFailed.
 */
export async function* readDataset(source: ItemSource, request: DatasetRequest, signal: AbortSignal): AsyncGenerator<Json[]> {
  let left = request.maxItems && request.maxItems > 0 ? request.maxItems : Infinity;
  try {
    for await (const items of datasetItems(source, request, signal)) {
      if (items.length >= left) {
        yield items.slice(0, left);
        return;
      }
      left -= items.length;
      yield items;
    }
  } catch (err) {
    throw sourceFailure(err, signal);
  }
}

function datasetItems(source: ItemSource, request: DatasetRequest, signal: AbortSignal): AsyncIterable<Json[]> {
  if (request.resource === LIST_OBJECTS_V2) return listedItems(source, request, signal);
  if (request.resource !== GET_OBJECT) throw itemReaderFailed(`The ItemReader resource '${request.resource}' is not supported.`);
  if (request.key === undefined) throw itemReaderFailed('The ItemReader parameters must name a Key.');
  const bytes = () => source.readObject(request.bucket, request.key!, request.versionId, signal);
  switch (request.inputType) {
    case 'CSV':
      return csvItems(bytes(), csvOptions(request));
    case 'JSON':
      return jsonArrayItems(bytes());
    case 'JSONL':
      return jsonlItems(bytes());
    case 'MANIFEST':
      return manifestItems(source, request, signal);
    default:
      throw itemReaderFailed(`The ReaderConfig InputType '${String(request.inputType)}' is not supported.`);
  }
}

function csvOptions(request: DatasetRequest): { headers?: string[]; delimiter?: string } {
  const delimiter = CSV_DELIMITERS[request.csvDelimiter ?? 'COMMA'];
  if (delimiter === undefined) throw itemReaderFailed(`The CSVDelimiter '${request.csvDelimiter}' is not supported.`);
  if ((request.csvHeaderLocation ?? 'FIRST_ROW') === 'FIRST_ROW') return { delimiter };
  if (request.csvHeaderLocation !== 'GIVEN') throw itemReaderFailed(`The CSVHeaderLocation '${request.csvHeaderLocation}' is not supported.`);
  if (!request.csvHeaders?.length) throw itemReaderFailed('CSVHeaders must list the column names when CSVHeaderLocation is GIVEN.');
  return { headers: request.csvHeaders, delimiter };
}

/** ListObjectsV2 items, shaped as AWS passes them: LastModified in epoch seconds. */
async function* listedItems(source: ItemSource, request: DatasetRequest, signal: AbortSignal): AsyncGenerator<JsonObject[]> {
  for await (const o of source.listObjects(request.bucket, request.prefix, signal)) {
    yield [{ Etag: o.etag, Key: o.key, LastModified: Math.floor(o.lastModified / 1000), Size: o.size, StorageClass: o.storageClass }];
  }
}

async function* manifestItems(source: ItemSource, request: DatasetRequest, signal: AbortSignal): AsyncGenerator<JsonObject[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source.readObject(request.bucket, request.key!, request.versionId, signal)) chunks.push(chunk);
  const manifest = parseInventoryManifest(Buffer.concat(chunks).toString('utf8'));
  for (const key of manifest.files) {
    yield* inventoryItems(source.readObject(manifest.bucket, key, undefined, signal), key, manifest.schema);
  }
}
