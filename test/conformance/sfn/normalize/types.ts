/** Shapes shared by the snapshot normaliser (see ../shared/conformance/README.md, "Normalisation"). */

/** One entry of a case's `normalization` list in sfn-cases.jsonl. */
export interface NormalizationOp {
  op: string;
  [k: string]: unknown;
}

/** The values our own run produced, which the recorded `${…}` literal tokens stand for. */
export interface RecordingRefs {
  /** `${accountId}`: '000000000000' in our engine. */
  accountId: string;
  /** `${region}`: 'us-east-1'. */
  region: string;
  /** `arn:${partition}:`: 'aws'. */
  partition: string;
  /** `${roleArn}`: the role ARN passed to CreateStateMachine. */
  roleArn: string;
  /** `${stateMachineName}` is its last ':' segment. */
  stateMachineArn: string;
  /**
   * `${executionName}`: the k-th `${executionName}` literal of the op list (in list order) takes the last ':'
   * segment of `executionArns[k]`. The ops' `executionIndex` numbers the recording test's executions, so a
   * comparer running a single case passes its one execution ARN.
   */
  executionArns: string[];
  /** Final output of the run, for `${output.FunctionResult}`. */
  output?: unknown;
}

/** A dict in Python's sense: a plain object (not a list, not a date). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
