/**
 * Why a market file cannot be read. `code` is stable for callers (a task surfaces it as its error
 * name); the message names the file, the line and the column, for people.
 */
export const MarketDataErrorCodes = [
  'EmptyFile',
  'MissingColumn',
  'RaggedRow',
  'BadTimestamp',
  'NonNumericValue',
  'DuplicateHour',
  'MissingHour',
  'OutOfOrder',
] as const;

export type MarketDataErrorCode = (typeof MarketDataErrorCodes)[number];

export interface MarketDataLocation {
  readonly file: string;
  /** 1-based line in the file, the header being line 1. */
  readonly line?: number;
  readonly column?: string;
}

export class MarketDataError extends Error {
  override readonly name = 'MarketDataError';

  constructor(
    readonly code: MarketDataErrorCode,
    message: string,
    readonly location: MarketDataLocation,
  ) {
    const where = [location.file, location.line === undefined ? undefined : `line ${location.line}`, location.column === undefined ? undefined : `column '${location.column}'`]
      .filter((part) => part !== undefined)
      .join(', ');
    super(`${where}: ${message}`);
  }
}
