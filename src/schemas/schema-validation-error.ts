/** One way a payload fails its schema: a JSON Pointer to the field and what is wrong with it. */
export interface SchemaProblem {
  /** Which payload, e.g. "Input of workflow kfold-cv". */
  where: string;
  /** JSON Pointer into the payload, e.g. `/dataset/bucket`; `` (empty) is the payload itself. */
  path: string;
  message: string;
}

/**
 * A payload that does not match its schema. The message names `where` and every failing field,
 * e.g. "Input of workflow kfold-cv: /k must be >= 2".
 */
export class SchemaValidationError extends Error {
  constructor(
    readonly where: string,
    readonly problems: readonly SchemaProblem[],
  ) {
    super(`${where}: ${problems.map(describeProblem).join('; ')}`);
    this.name = 'SchemaValidationError';
  }
}

function describeProblem(problem: SchemaProblem): string {
  return `${problem.path === '' ? '(root)' : problem.path} ${problem.message}`;
}
