/** Errors raised while compiling event patterns and checking events, carrying AWS's error codes. */

const PATTERN_PREFIX = 'Event pattern is not valid. Reason: ';

/** What TestEventPattern/PutRule answer for a pattern AWS rejects. */
export class InvalidEventPatternError extends Error {
  readonly code = 'InvalidEventPatternException';
  override readonly name = 'InvalidEventPatternError';

  /** @param reason AWS's reason text, including Jackson's location lines when AWS prints them. */
  constructor(readonly reason: string) {
    super(PATTERN_PREFIX + reason);
  }

  /** The first line of the message: what stays stable when the pattern text is normalised. */
  get summary(): string {
    return this.message.split('\n')[0];
  }
}

/** What TestEventPattern answers when the event itself is not an acceptable event. */
export class InvalidEventError extends Error {
  readonly code = 'ValidationException';
  override readonly name = 'InvalidEventError';

  constructor() {
    super('Parameter Event is not valid.');
  }
}

/**
 * A rule violation found while reading the pattern. `location` is Jackson's `[Source: …]` suffix; a violation
 * without one is reported bare, as AWS does for checks that run outside its JSON parser (CIDR, numbers, complexity).
 */
export class PatternSyntaxError extends Error {
  constructor(readonly reason: string, readonly location?: string) {
    super(location === undefined ? reason : `${reason}\n at ${location}`);
  }
}

/** Converts an internal violation into the public error. */
export function toInvalidPattern(error: PatternSyntaxError): InvalidEventPatternError {
  return new InvalidEventPatternError(error.message);
}
