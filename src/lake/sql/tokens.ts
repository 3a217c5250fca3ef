/** A small SQL tokenizer for the DDL the lake runs itself (Hive-style identifiers in backticks). */
import { QueryFailure } from './query-error';

export interface Token {
  kind: 'word' | 'quoted' | 'string' | 'number' | 'punct';
  text: string;
}

const PATTERN = /\s+|--[^\n]*|\/\*[\s\S]*?\*\/|('(?:[^']|'')*')|(`(?:[^`]|``)*`|"(?:[^"]|"")*")|(\d+(?:\.\d+)?)|([A-Za-z_][\w$]*)|(<>|[(),=<>:.;])/y;

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < sql.length) {
    PATTERN.lastIndex = at;
    const m = PATTERN.exec(sql);
    if (!m) throw new QueryFailure(`line 1:${at + 1}: mismatched input '${sql.slice(at, at + 10)}'`);
    at = PATTERN.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'string', text: m[1].slice(1, -1).replace(/''/g, "'") });
    else if (m[2] !== undefined) tokens.push({ kind: 'quoted', text: m[2].slice(1, -1).replace(/``|""/g, (q) => q[0]!) });
    else if (m[3] !== undefined) tokens.push({ kind: 'number', text: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: 'word', text: m[4] });
    else if (m[5] !== undefined) tokens.push({ kind: 'punct', text: m[5] });
  }
  while (tokens.at(-1)?.text === ';') tokens.pop();
  return tokens;
}

/** A cursor over tokens with the accept/expect helpers a recursive-descent parser needs. */
export class TokenCursor {
  private at = 0;

  constructor(private readonly tokens: Token[]) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  next(): Token {
    const token = this.tokens[this.at];
    if (!token) throw new QueryFailure('line 1:1: mismatched input \'<EOF>\'');
    this.at += 1;
    return token;
  }

  isWord(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.kind === 'word' && token.text.toUpperCase() === word;
  }

  acceptWords(...words: string[]): boolean {
    if (!words.every((word, index) => this.isWord(word, index))) return false;
    this.at += words.length;
    return true;
  }

  expectWords(...words: string[]): void {
    if (!this.acceptWords(...words)) this.fail(`expecting ${words.join(' ')}`);
  }

  acceptPunct(text: string): boolean {
    if (this.peek()?.kind === 'punct' && this.peek()!.text === text) {
      this.at += 1;
      return true;
    }
    return false;
  }

  expectPunct(text: string): void {
    if (!this.acceptPunct(text)) this.fail(`expecting '${text}'`);
  }

  identifier(): string {
    const token = this.next();
    if (token.kind !== 'word' && token.kind !== 'quoted') this.fail(`expecting an identifier, got '${token.text}'`, -1);
    return token.text;
  }

  /** `name` or `db.name`. */
  qualifiedName(): { database?: string; name: string } {
    const first = this.identifier();
    if (!this.acceptPunct('.')) return { name: first };
    return { database: first, name: this.identifier() };
  }

  string(): string {
    const token = this.next();
    if (token.kind !== 'string') this.fail(`expecting a string literal, got '${token.text}'`, -1);
    return token.text;
  }

  /** A partition value: a string or number literal, or a typed literal like `DATE '2024-01-01'`. */
  literal(): string {
    const token = this.next();
    if (token.kind === 'string' || token.kind === 'number') return token.text;
    if (token.kind === 'word' && this.peek()?.kind === 'string') return this.next().text;
    this.fail(`expecting a literal, got '${token.text}'`, -1);
  }

  expectEnd(): void {
    if (!this.done()) this.fail(`extraneous input '${this.peek()!.text}'`);
  }

  fail(reason: string, offset = 0): never {
    const token = this.tokens[this.at + offset];
    throw new QueryFailure(`line 1:1: ${reason}${token ? ` near '${token.text}'` : ' at end of statement'}`);
  }
}
