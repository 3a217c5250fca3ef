/**
 * GetPartitions' `Expression`: a SQL WHERE-like predicate over partition keys, with
 * `= <> != < > <= >=`, AND, OR, NOT, IN, BETWEEN, LIKE and IS [NOT] NULL. Keys of numeric types
 * compare as numbers, every other key (string, date, timestamp) as text, which orders ISO dates right.
 * @see https://docs.aws.amazon.com/glue/latest/webapi/API_GetPartitions.html
 */
import { invalidInput } from './errors';

export type PartitionPredicate = (values: readonly string[]) => boolean;

type Token = { kind: 'word' | 'string' | 'number' | 'op'; text: string };
type Operand = { key: number } | { literal: string };

const NUMERIC_TYPES = /^(tinyint|smallint|int|integer|bigint|long|float|double|decimal)\b/i;

/** Compiles `expression` against the table's partition keys; InvalidInputException when it does not parse. */
export function compilePartitionExpression(expression: string, keys: readonly { Name: string; Type?: string }[]): PartitionPredicate {
  const parser = new ExpressionParser(tokenize(expression), keys, expression);
  const predicate = parser.parseOr();
  parser.expectEnd();
  return predicate;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:('(?:[^']|'')*')|(-?\d+(?:\.\d+)?)|(<>|!=|<=|>=|=|<|>|\(|\)|,)|(`[^`]+`|"[^"]+"|[A-Za-z_][\w]*))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (!m) throw invalidInput(`Unsupported expression '${text}': unexpected input at position ${at}.`);
    at = pattern.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'string', text: m[1].slice(1, -1).replace(/''/g, "'") });
    else if (m[2] !== undefined) tokens.push({ kind: 'number', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'op', text: m[3] });
    else tokens.push({ kind: 'word', text: m[4]!.replace(/^[`"]|[`"]$/g, '') });
  }
  return tokens;
}

class ExpressionParser {
  private at = 0;
  private readonly numeric: boolean[];

  constructor(
    private readonly tokens: Token[],
    private readonly keys: readonly { Name: string; Type?: string }[],
    private readonly source: string,
  ) {
    this.numeric = keys.map((key) => NUMERIC_TYPES.test(key.Type ?? ''));
  }

  parseOr(): PartitionPredicate {
    let left = this.parseAnd();
    while (this.acceptWord('OR')) {
      const a = left;
      const b = this.parseAnd();
      left = (v) => a(v) || b(v);
    }
    return left;
  }

  expectEnd(): void {
    if (this.at < this.tokens.length) this.fail(`unexpected '${this.tokens[this.at]!.text}'`);
  }

  private parseAnd(): PartitionPredicate {
    let left = this.parseNot();
    while (this.acceptWord('AND')) {
      const a = left;
      const b = this.parseNot();
      left = (v) => a(v) && b(v);
    }
    return left;
  }

  private parseNot(): PartitionPredicate {
    if (this.acceptWord('NOT')) {
      const inner = this.parseNot();
      return (v) => !inner(v);
    }
    if (this.acceptOp('(')) {
      const inner = this.parseOr();
      this.expectOp(')');
      return inner;
    }
    return this.parseComparison();
  }

  private parseComparison(): PartitionPredicate {
    const left = this.parseOperand();
    if (this.acceptWord('IS')) {
      const negated = this.acceptWord('NOT');
      this.expectWord('NULL');
      return (v) => (this.value(left, v) === undefined) !== negated;
    }
    const negated = this.acceptWord('NOT');
    if (this.acceptWord('IN')) {
      this.expectOp('(');
      const items = [this.parseOperand()];
      while (this.acceptOp(',')) items.push(this.parseOperand());
      this.expectOp(')');
      return (v) => items.some((item) => this.compare(left, item, v) === 0) !== negated;
    }
    if (this.acceptWord('BETWEEN')) {
      const low = this.parseOperand();
      this.expectWord('AND');
      const high = this.parseOperand();
      return (v) => (this.compare(left, low, v) >= 0 && this.compare(left, high, v) <= 0) !== negated;
    }
    if (this.acceptWord('LIKE')) {
      const pattern = this.parseOperand();
      return (v) => likeRegex(this.value(pattern, v) ?? '').test(this.value(left, v) ?? '') !== negated;
    }
    if (negated) this.fail("expected IN, BETWEEN or LIKE after NOT");
    const op = this.tokens[this.at];
    if (!op || op.kind !== 'op' || !['=', '<>', '!=', '<', '>', '<=', '>='].includes(op.text)) this.fail('expected a comparison operator');
    this.at += 1;
    const right = this.parseOperand();
    const test = COMPARISONS[op!.text]!;
    return (v) => test(this.compare(left, right, v));
  }

  private parseOperand(): Operand {
    const token = this.tokens[this.at];
    if (!token) this.fail('unexpected end of expression');
    this.at += 1;
    if (token!.kind === 'string' || token!.kind === 'number') return { literal: token!.text };
    if (token!.kind === 'word') {
      const key = this.keys.findIndex((k) => k.Name.toLowerCase() === token!.text.toLowerCase());
      if (key < 0) this.fail(`'${token!.text}' is not a partition key of this table`);
      return { key };
    }
    this.fail(`unexpected '${token!.text}'`);
  }

  private value(operand: Operand, values: readonly string[]): string | undefined {
    return 'key' in operand ? values[operand.key] : operand.literal;
  }

  /** Numeric when either side is a numeric key, text otherwise. */
  private compare(a: Operand, b: Operand, values: readonly string[]): number {
    const x = this.value(a, values) ?? '';
    const y = this.value(b, values) ?? '';
    const numeric = ('key' in a && this.numeric[a.key]) || ('key' in b && this.numeric[b.key]);
    if (numeric) return Math.sign(Number(x) - Number(y));
    return x < y ? -1 : x > y ? 1 : 0;
  }

  private acceptWord(word: string): boolean {
    const token = this.tokens[this.at];
    if (token?.kind === 'word' && token.text.toUpperCase() === word) {
      this.at += 1;
      return true;
    }
    return false;
  }

  private acceptOp(op: string): boolean {
    const token = this.tokens[this.at];
    if (token?.kind === 'op' && token.text === op) {
      this.at += 1;
      return true;
    }
    return false;
  }

  private expectWord(word: string): void {
    if (!this.acceptWord(word)) this.fail(`expected ${word}`);
  }

  private expectOp(op: string): void {
    if (!this.acceptOp(op)) this.fail(`expected '${op}'`);
  }

  private fail(reason: string): never {
    throw invalidInput(`Unsupported expression '${this.source}': ${reason}.`);
  }
}

const COMPARISONS: Record<string, (order: number) => boolean> = {
  '=': (o) => o === 0,
  '<>': (o) => o !== 0,
  '!=': (o) => o !== 0,
  '<': (o) => o < 0,
  '>': (o) => o > 0,
  '<=': (o) => o <= 0,
  '>=': (o) => o >= 0,
};

function likeRegex(pattern: string): RegExp {
  const body = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${body}$`, 's');
}
