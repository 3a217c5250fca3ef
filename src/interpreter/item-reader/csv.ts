/**
 * CSV records as Step Functions reads them from S3: quoted fields may hold the delimiter, quotes
 * ("" for one) and line breaks; every value stays a string, as AWS passes it on.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html
 */
import type { JsonObject } from '../../asl/json';
import { itemReaderFailed } from './errors';
import { textLines } from './text-lines';

/** ReaderConfig.CSVDelimiter values. */
export const CSV_DELIMITERS: Record<string, string> = { COMMA: ',', PIPE: '|', SEMICOLON: ';', SPACE: ' ', TAB: '\t' };

/** AWS reads a header row of at most 10 KiB. */
export const MAX_CSV_HEADER_BYTES = 10 * 1024;

export interface CsvRecord {
  fields: string[];
  /** 1-based line number where the record starts, for error messages. */
  line: number;
}

/** The file's records, a chunk's worth at a time; blank lines are skipped. */
export async function* csvRecords(bytes: AsyncIterable<Uint8Array>, delimiter = ','): AsyncGenerator<CsvRecord[]> {
  let pending: string | undefined;
  let startLine = 0;
  let line = 0;
  for await (const lines of textLines(bytes)) {
    const records: CsvRecord[] = [];
    for (const text of lines) {
      line++;
      if (pending === undefined) {
        if (text.length === 0) continue;
        // Most rows hold no quote at all: split them directly.
        if (!text.includes('"')) {
          records.push({ fields: text.split(delimiter), line });
          continue;
        }
        pending = text;
        startLine = line;
      } else {
        pending += '\n' + text;
      }
      // An odd number of quotes leaves a quoted field open across the line break.
      if (countQuotes(pending) % 2 === 1) continue;
      records.push({ fields: splitQuoted(pending, delimiter, startLine), line: startLine });
      pending = undefined;
    }
    if (records.length > 0) yield records;
  }
  if (pending !== undefined) throw itemReaderFailed(`CSV record starting at line ${startLine} has an unterminated quoted field.`);
}

/**
 * Items as objects keyed by the header: its first row (FIRST_ROW) or the given names (GIVEN).
 * A record whose field count differs from the header's fails the read.
 */
export async function* csvItems(
  bytes: AsyncIterable<Uint8Array>,
  options: { headers?: string[]; delimiter?: string },
): AsyncGenerator<JsonObject[]> {
  const delimiter = options.delimiter ?? ',';
  let headers = options.headers;
  for await (const records of csvRecords(bytes, delimiter)) {
    const items: JsonObject[] = [];
    for (const record of records) {
      if (!headers) {
        headers = headerOf(record, delimiter);
        continue;
      }
      items.push(rowItem(record, headers, 'the header'));
    }
    if (items.length > 0) yield items;
  }
}

function headerOf(record: CsvRecord, delimiter: string): string[] {
  if (Buffer.byteLength(record.fields.join(delimiter)) > MAX_CSV_HEADER_BYTES) {
    throw itemReaderFailed(`The CSV header row exceeds the maximum size of ${MAX_CSV_HEADER_BYTES} bytes.`);
  }
  return record.fields;
}

/** One record as an object of string values; `what` names the header in the error. */
export function rowItem(record: CsvRecord, headers: string[], what: string): JsonObject {
  if (record.fields.length !== headers.length) {
    throw itemReaderFailed(`CSV record at line ${record.line} has ${record.fields.length} fields, but ${what} has ${headers.length}.`);
  }
  const item: JsonObject = {};
  for (let i = 0; i < headers.length; i++) item[headers[i]] = record.fields[i];
  return item;
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n++;
  return n;
}

function splitQuoted(text: string, delimiter: string, line: number): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') {
      if (field.length > 0) throw itemReaderFailed(`CSV record at line ${line} has a quote inside an unquoted field.`);
      quoted = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}
