/**
 * MANIFEST: an S3 Inventory report's manifest.json names gzip-compressed CSV files whose columns
 * are listed in its fileSchema; each row becomes an item keyed by those column names.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/storage-inventory-location.html
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Json, JsonObject } from '../../asl/json';
import { isJsonObject } from '../../asl/json';
import { csvRecords, rowItem } from './csv';
import { itemReaderFailed } from './errors';

export interface InventoryManifest {
  bucket: string;
  schema: string[];
  files: string[];
}

export function parseInventoryManifest(text: string): InventoryManifest {
  let manifest: Json;
  try {
    manifest = JSON.parse(text) as Json;
  } catch {
    throw itemReaderFailed('The manifest file is not valid JSON.');
  }
  if (!isJsonObject(manifest)) throw itemReaderFailed('The manifest file must be a JSON object.');
  const { fileFormat, fileSchema, files, destinationBucket } = manifest;
  if (fileFormat !== 'CSV') throw itemReaderFailed(`The S3 Inventory file format '${String(fileFormat)}' is not supported: only CSV inventories can be read.`);
  if (typeof fileSchema !== 'string' || !Array.isArray(files) || typeof destinationBucket !== 'string') {
    throw itemReaderFailed('The manifest file must hold destinationBucket, fileSchema and files.');
  }
  const keys = files.map((f) => (isJsonObject(f) && typeof f.key === 'string' ? f.key : undefined));
  if (keys.some((k) => k === undefined)) throw itemReaderFailed('Every entry of the manifest\'s files must have a key.');
  return {
    // The destination is given as a bucket ARN: arn:aws:s3:::name.
    bucket: destinationBucket.replace(/^arn:aws[a-z-]*:s3:::/, ''),
    schema: fileSchema.split(',').map((s) => s.trim()),
    files: keys as string[],
  };
}

/** The rows of one inventory file (gunzipped when its key ends in .gz). */
export async function* inventoryItems(bytes: AsyncIterable<Uint8Array>, key: string, schema: string[]): AsyncGenerator<JsonObject[]> {
  const source = key.endsWith('.gz') ? (Readable.from(bytes).pipe(createGunzip()) as AsyncIterable<Uint8Array>) : bytes;
  for await (const records of csvRecords(source)) {
    yield records.map((record) => rowItem(record, schema, `the fileSchema of the manifest (inventory file ${key})`));
  }
}
