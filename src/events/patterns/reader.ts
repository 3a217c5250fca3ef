/** The pattern reader shared by the compiler's parts: a tokenizer plus AWS-style error raising. */
import { PatternSyntaxError } from './errors';
import { describeLocation, PatternTokenizer, type Token } from './parse';

export class PatternReader {
  private readonly tokenizer: PatternTokenizer;

  constructor(readonly source: string) {
    this.tokenizer = new PatternTokenizer(source);
  }

  next(): Token | undefined {
    return this.tokenizer.next();
  }

  text(): string {
    return this.tokenizer.text();
  }

  /** Rejects the pattern at the reader's current position. */
  barf(reason: string): never {
    throw new PatternSyntaxError(reason, describeLocation(this.source, this.tokenizer.location()));
  }

  /**
   * Runs `read`, re-raising any violation at the current position. AWS does this around its list readers,
   * which is why some of its messages carry the location twice.
   */
  relocating<T>(read: () => T, onlyBare = false): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof PatternSyntaxError) || (onlyBare && error.location !== undefined)) throw error;
      return this.barf(error.message);
    }
  }
}

export function isNumberToken(token: Token | undefined): boolean {
  return token === 'NUMBER_INT' || token === 'NUMBER_FLOAT';
}
