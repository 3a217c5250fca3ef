/**
 * Expansion of the `${…}` tokens of `literal` ops into the values of our own run (corpus README, step 4).
 * Plain strings (Lambda function names, values from the input) are used as they are.
 */
import { MissingReferenceError } from './errors';
import type { NormalizationOp, RecordingRefs } from './types';

function lastArnSegment(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}

/** Resolves the literal values of `ops` (same order); the k-th `${executionName}` uses `executionArns[k]`. */
export function expandLiteralValues(ops: NormalizationOp[], refs: RecordingRefs): Map<NormalizationOp, string> {
  const values = new Map<NormalizationOp, string>();
  let executionCount = 0;
  for (const op of ops) {
    if (op.op !== 'literal') continue;
    const value = String(op.value);
    if (value === '${executionName}') {
      const arn = refs.executionArns[executionCount];
      if (arn === undefined) throw new MissingReferenceError(value, `no execution ARN #${executionCount} in refs.executionArns`);
      executionCount += 1;
      values.set(op, lastArnSegment(arn));
    } else {
      values.set(op, expandToken(value, refs));
    }
  }
  return values;
}

function expandToken(value: string, refs: RecordingRefs): string {
  switch (value) {
    case '${accountId}':
      return refs.accountId;
    case '${region}':
      return refs.region;
    case 'arn:${partition}:':
      return `arn:${refs.partition}:`;
    case '${roleArn}':
      return refs.roleArn;
    case '${stateMachineName}':
      return lastArnSegment(refs.stateMachineArn);
    case '${output.FunctionResult}':
      return functionResult(refs.output, value);
    default:
      if (value.includes('${')) throw new MissingReferenceError(value, 'unknown token');
      return value;
  }
}

function functionResult(output: unknown, token: string): string {
  const result = typeof output === 'object' && output !== null ? (output as Record<string, unknown>).FunctionResult : undefined;
  if (typeof result !== 'string') throw new MissingReferenceError(token, 'refs.output has no string FunctionResult');
  return result;
}
