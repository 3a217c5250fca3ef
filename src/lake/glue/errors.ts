/**
 * The Glue errors the catalog raises, by AWS's names; the endpoint renders them as JSON 1.1
 * `{"__type": code, "Message": …}` with HTTP 400. Callers match on `code`, never the message.
 * @see https://docs.aws.amazon.com/glue/latest/dg/aws-glue-api-exceptions.html
 */
export type GlueErrorCode = 'EntityNotFoundException' | 'AlreadyExistsException' | 'InvalidInputException';

export class GlueError extends Error {
  constructor(
    readonly code: GlueErrorCode,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export const databaseNotFound = (name: string): GlueError => new GlueError('EntityNotFoundException', `Database ${name} not found.`);
export const tableNotFound = (name: string): GlueError => new GlueError('EntityNotFoundException', `Table ${name} not found.`);
export const partitionNotFound = (): GlueError => new GlueError('EntityNotFoundException', 'Cannot find partition.');
export const invalidInput = (message: string): GlueError => new GlueError('InvalidInputException', message);

/** The message AWS's request validation gives for a missing required member. */
export function missingMember(member: string): GlueError {
  return invalidInput(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
}
