/**
 * Why a dataset cannot be cross-validated. Handlers surface `code` as the task's error name, so a
 * workflow's Catch can route on it; the message says what is wrong and where, for people.
 */
export const DatasetErrorCodes = [
  'EmptyDataset',
  'RaggedRow',
  'MissingLabelColumn',
  'NonNumericFeature',
  'InvalidLabel',
  'TooFewRows',
] as const;

export type DatasetErrorCode = (typeof DatasetErrorCodes)[number];

/** Where in the file the problem is: 1-based data row (header excluded), file line, column name. */
export interface DatasetErrorLocation {
  readonly row?: number;
  readonly line?: number;
  readonly column?: string;
}

export class DatasetError extends Error {
  override readonly name = 'DatasetError';

  constructor(
    readonly code: DatasetErrorCode,
    message: string,
    readonly location: DatasetErrorLocation = {},
  ) {
    super(message);
  }
}
