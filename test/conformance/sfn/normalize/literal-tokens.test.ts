import { MissingReferenceError } from './errors';
import { expandLiteralValues } from './literal-tokens';
import type { NormalizationOp, RecordingRefs } from './types';

const refs: RecordingRefs = {
  accountId: '000000000000',
  region: 'us-east-1',
  partition: 'aws',
  roleArn: 'arn:aws:iam::000000000000:role/r',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:sm-1',
  executionArns: ['arn:aws:states:us-east-1:000000000000:execution:sm-1:run-a', 'arn:aws:states:us-east-1:000000000000:execution:sm-1:run-b'],
  output: { FunctionResult: 'generated' },
};
const literal = (value: string, extra: Record<string, unknown> = {}): NormalizationOp => ({ op: 'literal', value, replacement: 'r', ...extra });

describe('expandLiteralValues', () => {
  it.each<[string, string]>([
    ['${accountId}', '000000000000'],
    ['${region}', 'us-east-1'],
    ['arn:${partition}:', 'arn:aws:'],
    ['${roleArn}', 'arn:aws:iam::000000000000:role/r'],
    ['${stateMachineName}', 'sm-1'],
    ['${output.FunctionResult}', 'generated'],
    ['fn-data-flow-31981b4c', 'fn-data-flow-31981b4c'],
  ])('%s -> %s', (value, expected) => {
    const op = literal(value);
    expect(expandLiteralValues([op], refs).get(op)).toBe(expected);
  });

  it('gives the k-th ${executionName} literal the k-th execution ARN, whatever its recorded executionIndex', () => {
    const ops = [literal('${executionName}', { executionIndex: 17 }), literal('${executionName}', { executionIndex: 18 })];
    const values = expandLiteralValues(ops, refs);
    expect(ops.map((op) => values.get(op))).toEqual(['run-a', 'run-b']);
  });

  it('fails when a token has no value', () => {
    expect(() => expandLiteralValues([literal('${output.FunctionResult}')], { ...refs, output: {} })).toThrow(MissingReferenceError);
    expect(() => expandLiteralValues([literal('${executionName}')], { ...refs, executionArns: [] })).toThrow(MissingReferenceError);
    expect(() => expandLiteralValues([literal('${somethingElse}')], refs)).toThrow(MissingReferenceError);
  });
});
