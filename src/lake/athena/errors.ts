/**
 * Athena API errors by AWS's names; the endpoint renders them as JSON 1.1
 * `{"__type": code, "Message": …, "AthenaErrorCode": …}` with HTTP 400.
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/CommonErrors.html
 */
export type AthenaErrorCode = 'InvalidRequestException' | 'ResourceNotFoundException' | 'InternalServerException';

export class AthenaError extends Error {
  constructor(
    readonly code: AthenaErrorCode,
    message: string,
    /** Athena's finer reason, e.g. INVALID_INPUT. */
    readonly athenaErrorCode?: string,
  ) {
    super(message);
    this.name = code;
  }
}

export const invalidRequest = (message: string, athenaErrorCode = 'INVALID_INPUT'): AthenaError => new AthenaError('InvalidRequestException', message, athenaErrorCode);
export const queryNotFound = (id: string): AthenaError => invalidRequest(`QueryExecution ${id} was not found`);
export const workGroupNotFound = (name: string): AthenaError => invalidRequest(`WorkGroup ${name} is not found.`);
