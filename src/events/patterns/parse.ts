/**
 * A pull tokenizer for event-pattern JSON that reports errors and positions the way AWS does.
 *
 * AWS compiles patterns with a streaming Jackson parser and rejects a pattern at the first token that breaks a
 * rule, so error order and the reported column depend on how far the parser has read. We therefore mirror
 * Jackson's reading discipline: reading a field name also reads the first token of its value, a string value is
 * only read up to its opening quote until its text is requested, and syntax errors point at the offending
 * character. Duplicate keys are not an error here: the compiler decides what they mean.
 */
import { PatternSyntaxError } from './errors';

export type Token =
  | 'START_OBJECT' | 'END_OBJECT' | 'START_ARRAY' | 'END_ARRAY' | 'FIELD_NAME'
  | 'STRING' | 'NUMBER_INT' | 'NUMBER_FLOAT' | 'TRUE' | 'FALSE' | 'NULL';

interface Lexeme {
  token: Token;
  text: string;
  /** Where Jackson's reader stands once this token has been returned (before its text is requested). */
  pointer: number;
  /** For strings: where the reader stands once the text has been requested. */
  endPointer: number;
}

type Context = { kind: 'ROOT' | 'OBJECT' | 'ARRAY'; start: number; count: number };

const VALUE_EXPECTED = "expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

export class PatternTokenizer {
  private pos = 0;
  private pointer = 0;
  private current: Lexeme | undefined;
  private pendingValue: Lexeme | undefined;
  private readonly stack: Context[] = [{ kind: 'ROOT', start: 0, count: 0 }];

  constructor(readonly source: string) {}

  /** Advances to the next token; `undefined` at end of input. */
  next(): Token | undefined {
    const pending = this.pendingValue;
    this.pendingValue = undefined;
    const lexeme = pending ?? this.readToken();
    this.current = lexeme;
    if (lexeme) this.pointer = lexeme.pointer;
    return lexeme?.token;
  }

  /** Text of the current token (field name, string value or number literal). */
  text(): string {
    if (!this.current) return '';
    if (this.current.token === 'STRING') this.pointer = Math.max(this.pointer, this.current.endPointer);
    return this.current.text;
  }

  /** Offset of Jackson's current location (0-based, the character after the last one it consumed). */
  location(): number {
    return this.pointer;
  }

  private readToken(): Lexeme | undefined {
    const context = this.stack[this.stack.length - 1];
    let c = this.skipWhitespace();
    if (context.kind === 'ROOT') {
      if (context.count > 0 || c === undefined) return undefined;
    } else if (c === undefined) {
      this.failEndOfInput(context);
    } else if (this.closes(context, c)) {
      return this.close(c);
    } else if (context.count > 0) {
      if (c !== ',') this.failUnexpected(`was expecting comma to separate ${context.kind === 'OBJECT' ? 'Object' : 'Array'} entries`);
      this.pos++;
      c = this.skipWhitespace();
      if (c === undefined) this.failEndOfInput(context);
    }
    context.count++;
    return context.kind === 'OBJECT' ? this.readField() : this.readValue();
  }

  private closes(context: Context, c: string): boolean {
    if (c !== '}' && c !== ']') return false;
    const expected = context.kind === 'OBJECT' ? '}' : ']';
    if (c === expected) return true;
    const kind = context.kind === 'OBJECT' ? 'Object' : 'Array';
    this.fail(`Unexpected close marker '${c}': expected '${expected}' (for ${kind} starting at ${this.describe(context.start)})`, this.pos);
  }

  private close(c: string): Lexeme {
    this.pos++;
    this.stack.pop();
    return { token: c === '}' ? 'END_OBJECT' : 'END_ARRAY', text: c, pointer: this.pos, endPointer: this.pos };
  }

  private readField(): Lexeme {
    if (this.source[this.pos] !== '"') this.failUnexpected('was expecting double-quote to start field name');
    const name = this.readString();
    const c = this.skipWhitespace();
    if (c !== ':') this.failUnexpected('was expecting a colon to separate field name and value');
    this.pos++;
    if (this.skipWhitespace() === undefined) this.fail('Unexpected end-of-input within/between Object entries', this.pos);
    this.pendingValue = this.readValue();
    return { token: 'FIELD_NAME', text: name.text, pointer: this.pendingValue.pointer, endPointer: this.pendingValue.pointer };
  }

  private readValue(): Lexeme {
    const start = this.pos;
    const c = this.source[start];
    if (c === '{' || c === '[') {
      this.pos++;
      this.stack.push({ kind: c === '{' ? 'OBJECT' : 'ARRAY', start, count: 0 });
      return { token: c === '{' ? 'START_OBJECT' : 'START_ARRAY', text: c, pointer: this.pos, endPointer: this.pos };
    }
    if (c === '"') {
      const { text } = this.readString();
      return { token: 'STRING', text, pointer: start + 1, endPointer: this.pos };
    }
    if (c === '-' || (c >= '0' && c <= '9')) return this.readNumber();
    if (c === ']' && this.stack[this.stack.length - 1].kind === 'ARRAY') this.failUnexpected(VALUE_EXPECTED);
    return this.readKeyword();
  }

  private readKeyword(): Lexeme {
    const start = this.pos;
    const match = /^[A-Za-z0-9_$]*/.exec(this.source.slice(start, start + 256))?.[0] ?? '';
    const keywords: Record<string, Token> = { true: 'TRUE', false: 'FALSE', null: 'NULL' };
    const token = keywords[match];
    if (token) {
      this.pos += match.length;
      return { token, text: match, pointer: this.pos, endPointer: this.pos };
    }
    if (match === '') this.failUnexpected(VALUE_EXPECTED);
    this.pos += match.length;
    this.fail(`Unrecognized token '${match}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`, this.pos);
  }

  private readNumber(): Lexeme {
    const start = this.pos;
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(this.source.slice(start))?.[0] ?? '';
    const digits = match.replace(/^-/, '');
    if (match === '' || match === '-') {
      this.pos = start + 1;
      this.failUnexpected('expected digit (0-9) to follow minus sign, for valid numeric value', this.pos);
    }
    this.pos = start + match.length;
    const following = this.source[this.pos];
    if (digits.startsWith('0') && following !== undefined && following >= '0' && following <= '9') {
      this.fail('Invalid numeric value: Leading zeroes not allowed', this.pos);
    }
    const isFloat = /[.eE]/.test(match);
    return { token: isFloat ? 'NUMBER_FLOAT' : 'NUMBER_INT', text: match, pointer: this.pos, endPointer: this.pos };
  }

  private readString(): { text: string } {
    const start = this.pos;
    let i = start + 1;
    let text = '';
    for (;;) {
      const c = this.source[i];
      if (c === undefined) {
        this.pos = i;
        this.fail(`Unexpected end-of-input in ${this.stack[this.stack.length - 1].kind === 'OBJECT' ? 'field name' : 'VALUE_STRING'}`, i);
      }
      if (c === '"') break;
      if (c === '\\') {
        const decoded = this.readEscape(i);
        text += decoded.text;
        i = decoded.next;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) {
        this.pos = i + 1;
        this.fail(`Illegal unquoted character ((CTRL-CHAR, code ${c.charCodeAt(0)})): has to be escaped using backslash to be included in string value`, i);
      }
      text += c;
      i++;
    }
    this.pos = i + 1;
    return { text };
  }

  private readEscape(at: number): { text: string; next: number } {
    const c = this.source[at + 1];
    const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
    if (c !== undefined && simple[c] !== undefined) return { text: simple[c], next: at + 2 };
    if (c === 'u' && /^[0-9a-fA-F]{4}$/.test(this.source.slice(at + 2, at + 6))) {
      return { text: String.fromCharCode(parseInt(this.source.slice(at + 2, at + 6), 16)), next: at + 6 };
    }
    const code = c === undefined ? 0 : c.charCodeAt(0);
    this.fail(`Unrecognized character escape '${c ?? ''}' (code ${code})`, at + 1);
  }

  private skipWhitespace(): string | undefined {
    while (this.pos < this.source.length && ' \t\n\r'.includes(this.source[this.pos])) this.pos++;
    return this.source[this.pos];
  }

  private failEndOfInput(context: Context): never {
    const kind = context.kind === 'OBJECT' ? 'OBJECT' : 'ARRAY';
    this.fail(`Unexpected end-of-input: expected close marker for ${kind} (start marker at ${this.describe(context.start)})`, this.pos);
  }

  /** Jackson reports an unexpected character at its own column, not after it. */
  private failUnexpected(reason: string, at = this.pos): never {
    const c = this.source[at] ?? '';
    const code = c.charCodeAt(0);
    const shown = code < 0x20 ? `(CTRL-CHAR, code ${code})` : `'${c}' (code ${code})`;
    this.fail(`Unexpected character (${shown}): ${reason}`, at);
  }

  private describe(offset: number): string {
    return describeLocation(this.source, offset);
  }

  private fail(message: string, offset: number): never {
    throw new PatternSyntaxError(message, this.describe(offset));
  }
}

/** Jackson's location suffix: `[Source: (String)"…"; line: L, column: C]`, with long sources truncated. */
export function describeLocation(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  const maxShown = 500;
  const shown = source.length > maxShown
    ? `"${source.slice(0, maxShown)}"[truncated ${source.length - maxShown} chars]`
    : `"${source}"`;
  return `[Source: (String)${shown}; line: ${line}, column: ${column}]`;
}
