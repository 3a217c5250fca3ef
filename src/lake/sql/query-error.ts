/** Why a query FAILED: the reason becomes Athena's `StateChangeReason` and `AthenaError.ErrorMessage`. */
export class QueryFailure extends Error {
  constructor(
    message: string,
    /** Athena's ErrorCategory: 1 system, 2 user. */
    readonly category: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'QueryFailure';
  }
}
