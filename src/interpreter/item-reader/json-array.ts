/**
 * The elements of a JSON array file, parsed one at a time as the bytes arrive: only the element
 * being read is held, never the whole file.
 */
import type { Json } from '../../asl/json';
import { itemReaderFailed } from './errors';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/** The elements a chunk completes come out together. */
export async function* jsonArrayItems(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<Json[]> {
  const decoder = new TextDecoder('utf-8');
  const scan = new ArrayScanner();
  for await (const chunk of bytes) {
    const items = [...scan.feed(decoder.decode(chunk, { stream: true }))];
    if (items.length > 0) yield items;
  }
  const last = [...scan.feed(decoder.decode())];
  if (last.length > 0) yield last;
  scan.end();
}

class ArrayScanner {
  private opened = false;
  private closed = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Text of the current element from earlier chunks. */
  private carry = '';
  private inElement = false;
  private count = 0;

  *feed(text: string): Generator<Json> {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === '\\') this.escaped = true;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (!this.opened || this.closed) {
        if (WHITESPACE.has(c)) continue;
        if (this.closed || c !== '[') throw itemReaderFailed('The JSON dataset must be a single array of items.');
        this.opened = true;
        this.depth = 1;
        continue;
      }
      if (this.depth === 1 && (c === ',' || c === ']')) {
        const element = this.carry + (this.inElement ? text.slice(start, i) : '');
        this.carry = '';
        this.inElement = false;
        if (c === ']') this.depth = 0;
        const item = this.element(element, c === ']');
        if (item !== undefined) yield item.value;
        if (c === ']') this.closed = true;
        continue;
      }
      if (!this.inElement) {
        if (WHITESPACE.has(c)) continue;
        this.inElement = true;
        start = i;
      }
      if (c === '"') this.inString = true;
      else if (c === '[' || c === '{') this.depth++;
      else if (c === ']' || c === '}') this.depth--;
    }
    if (this.inElement) this.carry += text.slice(start);
  }

  end(): void {
    if (!this.closed) throw itemReaderFailed('The JSON dataset ends before its array is closed.');
  }

  private element(text: string, last: boolean): { value: Json } | undefined {
    const trimmed = text.trim();
    // `[]` holds no element; `[1,]` or `[,1]` is malformed.
    if (trimmed.length === 0) {
      if (last && this.count === 0) return undefined;
      throw itemReaderFailed(`The JSON dataset has an empty element after item ${this.count}.`);
    }
    this.count++;
    try {
      return { value: JSON.parse(trimmed) as Json };
    } catch (err) {
      throw itemReaderFailed(`The JSON dataset's item ${this.count} is not valid JSON: ${(err as Error).message}`);
    }
  }
}
