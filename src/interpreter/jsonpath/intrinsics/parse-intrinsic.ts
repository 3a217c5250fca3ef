import type { Json } from '../../../asl/json';
import { intrinsicFailure } from '../../../asl/errors';

export type IntrinsicArgument =
  /** `raw` keeps a string literal's text between the quotes, escapes untouched: States.Format needs `\{`. */
  | { kind: 'literal'; value: Json; raw?: string }
  | { kind: 'path'; path: string }
  | { kind: 'call'; call: IntrinsicCall };

export interface IntrinsicCall {
  /** Without the `States.` prefix: `Format`, `ArrayGetItem`, … */
  name: string;
  args: IntrinsicArgument[];
}

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const FUNCTION_NAME = /^States\.([A-Za-z0-9]+)\s*\(/;
const cache = new Map<string, IntrinsicCall>();

/** Whether a `.$` value is an intrinsic call rather than a path. */
export function isIntrinsicExpression(expression: string): boolean {
  return expression.startsWith('States.');
}

export function parseIntrinsic(expression: string): IntrinsicCall {
  let call = cache.get(expression);
  if (!call) {
    call = new IntrinsicParser(expression).parseExpression();
    cache.set(expression, call);
  }
  return call;
}

class IntrinsicParser {
  private position = 0;

  constructor(private readonly text: string) {}

  parseExpression(): IntrinsicCall {
    const call = this.parseCall();
    this.skipSpace();
    if (this.position !== this.text.length) this.fail('unexpected text after the closing parenthesis');
    return call;
  }

  private parseCall(): IntrinsicCall {
    const match = FUNCTION_NAME.exec(this.text.slice(this.position));
    if (!match) this.fail('expected an intrinsic function call');
    this.position += match[0].length;
    const args: IntrinsicArgument[] = [];
    this.skipSpace();
    if (this.peek() === ')') {
      this.position++;
      return { name: match[1], args };
    }
    for (;;) {
      args.push(this.parseArgument());
      this.skipSpace();
      const separator = this.text[this.position++];
      if (separator === ')') return { name: match[1], args };
      if (separator !== ',') this.fail("expected ',' or ')'");
    }
  }

  private parseArgument(): IntrinsicArgument {
    this.skipSpace();
    const rest = this.text.slice(this.position);
    if (rest.startsWith("'")) return this.parseString();
    if (rest.startsWith('$')) return { kind: 'path', path: this.readPath() };
    if (rest.startsWith('States.')) return { kind: 'call', call: this.parseCall() };
    for (const [word, value] of KEYWORDS) {
      if (rest.startsWith(word)) {
        this.position += word.length;
        return { kind: 'literal', value };
      }
    }
    const number = NUMBER.exec(rest);
    if (!number) this.fail('expected an argument');
    this.position += number[0].length;
    return { kind: 'literal', value: Number(number[0]) };
  }

  private parseString(): IntrinsicArgument {
    const start = ++this.position;
    let value = '';
    while (this.position < this.text.length) {
      const char = this.text[this.position++];
      if (char === "'") return { kind: 'literal', value, raw: this.text.slice(start, this.position - 1) };
      if (char === '\\' && this.position < this.text.length) {
        const escaped = this.text[this.position++];
        value += ESCAPABLE.includes(escaped) ? escaped : char + escaped;
      } else {
        value += char;
      }
    }
    this.fail('unterminated string literal');
  }

  /** A path argument runs to the next top-level ',' or ')'; brackets and quotes may hide either. */
  private readPath(): string {
    const start = this.position;
    let depth = 0;
    let quote: string | null = null;
    for (; this.position < this.text.length; this.position++) {
      const char = this.text[this.position];
      if (quote) {
        if (char === quote) quote = null;
      } else if (char === "'" || char === '"') {
        quote = char;
      } else if (char === '[' || char === '(') {
        depth++;
      } else if ((char === ']' || char === ')') && depth > 0) {
        depth--;
      } else if ((char === ',' || char === ')') && depth === 0) {
        break;
      }
    }
    return this.text.slice(start, this.position).trim();
  }

  private skipSpace(): void {
    while (this.position < this.text.length && /\s/.test(this.text[this.position])) this.position++;
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }

  private fail(problem: string): never {
    throw intrinsicFailure(`Invalid intrinsic function expression '${this.text}': ${problem} at position ${this.position}`);
  }
}

const ESCAPABLE = "'{}\\";
const KEYWORDS: ReadonlyArray<[string, Json]> = [
  ['true', true],
  ['false', false],
  ['null', null],
];
