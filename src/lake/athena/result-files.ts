/**
 * Query results as Athena writes them to the output location: a SELECT's `<id>.csv` (a header row,
 * every value double-quoted, NULL as an empty field) with `<id>.csv.metadata` beside it, and DDL
 * output as `<id>.txt` (one row per line, values tab-separated). The metadata file holds the
 * column descriptions as JSON (Athena's own is a binary encoding only Athena reads).
 */
import { Readable } from 'node:stream';
import type { ObjectStore } from '../../objects';
import { parseS3Location } from '../locations';
import type { ResultColumn, StatementResult } from '../sql/result';

export interface StoredResult {
  columns: ResultColumn[];
  rows: (string | null)[][];
  header: boolean;
}

export function resultFileUri(outputLocation: string, id: string, statementType: string): string {
  const base = outputLocation.endsWith('/') ? outputLocation : `${outputLocation}/`;
  return `${base}${id}${statementType === 'DDL' ? '.txt' : '.csv'}`;
}

export async function writeResult(objects: ObjectStore, uri: string, result: StatementResult): Promise<void> {
  const { bucket, key } = splitUri(uri);
  if (result.statementType === 'DDL') {
    await putText(objects, bucket, key, result.rows.map((row) => row.map((v) => v ?? '').join('\t')).join('\n') + (result.rows.length > 0 ? '\n' : ''), 'text/plain');
    return;
  }
  const lines = [result.columns.map((c) => csvField(c.name)), ...result.rows.map((row) => row.map((v) => (v === null ? '' : csvField(v))))];
  await putText(objects, bucket, key, lines.map((fields) => fields.join(',')).join('\n') + '\n', 'text/csv');
  await putText(objects, bucket, `${key}.metadata`, JSON.stringify({ ColumnInfo: result.columns }), 'application/json');
}

export async function readResult(objects: ObjectStore, uri: string, statementType: string): Promise<StoredResult> {
  const { bucket, key } = splitUri(uri);
  const text = await readText(objects, bucket, key);
  if (statementType === 'DDL') {
    const rows = text === '' ? [] : text.replace(/\n$/, '').split('\n').map((line) => line.split('\t'));
    return { columns: rows.length > 0 ? [{ name: 'result', type: 'string', precision: 0, scale: 0 }] : [], rows, header: false };
  }
  const { ColumnInfo } = JSON.parse(await readText(objects, bucket, `${key}.metadata`)) as { ColumnInfo: ResultColumn[] };
  const rows = parseCsv(text).slice(1);
  return { columns: ColumnInfo, rows, header: true };
}

function csvField(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Athena's CSV: quoted fields may hold commas, quotes and newlines; an empty unquoted field is NULL. */
export function parseCsv(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let row: (string | null)[] = [];
  let at = 0;
  while (at < text.length) {
    let value: string | null;
    if (text[at] === '"') {
      let end = at + 1;
      let buffer = '';
      for (;;) {
        const quote = text.indexOf('"', end);
        if (quote < 0) throw new Error('Unterminated quoted field in a result file.');
        buffer += text.slice(end, quote);
        if (text[quote + 1] === '"') {
          buffer += '"';
          end = quote + 2;
        } else {
          at = quote + 1;
          break;
        }
      }
      value = buffer;
    } else {
      const end = text.slice(at).search(/[,\n]/);
      const stop = end < 0 ? text.length : at + end;
      value = stop === at ? null : text.slice(at, stop);
      at = stop;
    }
    row.push(value);
    if (text[at] === ',') at += 1;
    else {
      rows.push(row);
      row = [];
      at += 1;
    }
  }
  return rows;
}

function splitUri(uri: string): { bucket: string; key: string } {
  const location = parseS3Location(uri.replace(/\/?$/, '/'));
  if (!location) throw new Error(`Not an s3:// URI: ${uri}`);
  return { bucket: location.bucket, key: location.prefix.replace(/\/$/, '') };
}

async function putText(objects: ObjectStore, bucket: string, key: string, text: string, contentType: string): Promise<void> {
  await objects.putObject(bucket, key, Readable.from([Buffer.from(text, 'utf8')]), { contentType });
}

async function readText(objects: ObjectStore, bucket: string, key: string): Promise<string> {
  const opened = await objects.openObject(bucket, key);
  const chunks: Buffer[] = [];
  for await (const chunk of opened.stream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
