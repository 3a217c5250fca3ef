import { SerializedReplacementError, UnsupportedNormalizationError, ReferenceValueTypeError } from './errors';
import { normalizeSnapshot } from './normalize-snapshot';
import type { NormalizationOp, RecordingRefs } from './types';

const refs: RecordingRefs = {
  accountId: '000000000000',
  region: 'us-east-1',
  partition: 'aws',
  roleArn: 'arn:aws:iam::000000000000:role/sfn-role',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:sm-1',
  executionArns: ['arn:aws:states:us-east-1:000000000000:execution:sm-1:run-a'],
};
const BASIC: NormalizationOp[] = [
  { op: 'literal', value: '${accountId}', replacement: '111111111111', priority: 2 },
  { op: 'literal', value: '${region}', replacement: '<region>', priority: 2 },
  { op: 'literal', value: 'arn:${partition}:', replacement: 'arn:<partition>:', priority: 2 },
  { op: 'uuid_id_keys', replacement: 'uuid', replaceReference: true, priority: 2 },
  { op: 'iso8601_to_date', replacement: 'date', priority: 2 },
  { op: 'timestamp_keys', replacement: 'timestamp', replaceReference: false, priority: 2 },
  { op: 'literal', value: '${roleArn}', replacement: 'snf_role_arn', priority: 0 },
  { op: 'literal', value: '${executionName}', replacement: '<ExecArnPart_0idx>', executionIndex: 0, priority: 0 },
];

describe('normalizeSnapshot', () => {
  it('applies priority-0 replacements before the basic ones, so the role ARN wins over the account id', () => {
    const doc = { started: { roleArn: refs.roleArn, executionArn: refs.executionArns[0], timestamp: 1700000000.25, at: '2024-01-01T00:00:00Z' } };
    expect(normalizeSnapshot(doc, BASIC, refs)).toEqual({
      started: { roleArn: 'snf_role_arn', executionArn: 'arn:<partition>:states:<region>:111111111111:execution:sm-1:<ExecArnPart_0idx>', timestamp: 'timestamp', at: 'date' },
    });
  });

  it('parses dict values that are JSON objects, not arrays or scalars, and not strings nested inside them', () => {
    const doc = { h: { input: '{"a": "{\\"b\\": 1}"}', list: [{ output: '{"c": 2}' }], arrayText: '[1]' } };
    expect(normalizeSnapshot(doc, [], refs)).toEqual({ h: { input: { a: '{"b": 1}' }, list: [{ output: { c: 2 } }], arrayText: '[1]' } });
  });

  it('numbers references in sorted-key order across top-level keys, reusing one number per value', () => {
    const [u1, u2] = ['11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222'];
    const doc = { first: { zId: u1, aId: u2 }, second: { echo: `seen ${u2}`, bId: u1 } };
    expect(normalizeSnapshot(doc, BASIC, refs)).toEqual({ first: { zId: '<uuid:2>', aId: '<uuid:1>' }, second: { echo: 'seen <uuid:1>', bId: '<uuid:2>' } });
  });

  it('replaces jsonpath matches in place or by reference, and the embedded cause input by reference', () => {
    const ops: NormalizationOp[] = [
      { op: 'jsonpath', path: '$..StartTime', replacement: 'start-time', replaceReference: false, priority: 0 },
      { op: 'jsonpath', path: '$..LogResult', replacement: 'LogResult', replaceReference: true, priority: 0 },
      { op: 'sfn_cause_json_input', replacement: 'json-input', replaceReference: true, priority: 0 },
    ];
    const doc = { h: { StartTime: 5, LogResult: 'bG9n', copy: 'bG9n', cause: "Input '{\"k\": \"v\"}' rejected" } };
    expect(normalizeSnapshot(doc, ops, refs)).toEqual({ h: { StartTime: 'start-time', LogResult: '<LogResult:1>', copy: '<LogResult:1>', cause: "Input '<json-input:1>' rejected" } });
  });

  it('does not modify its input', () => {
    const doc = { h: { input: '{"a": 1}', timestamp: 3 } };
    normalizeSnapshot(doc, BASIC, refs);
    expect(doc).toEqual({ h: { input: '{"a": 1}', timestamp: 3 } });
  });

  it('reports unknown ops, non-string references and replacements that break the JSON text', () => {
    expect(() => normalizeSnapshot({ h: {} }, [{ op: 'mystery' }], refs)).toThrow(UnsupportedNormalizationError);
    expect(() => normalizeSnapshot({ h: { LogResult: 3 } }, [{ op: 'jsonpath', path: '$..LogResult', replacement: 'L', replaceReference: true }], refs)).toThrow(ReferenceValueTypeError);
    expect(() => normalizeSnapshot({ h: { a: 'x' } }, [{ op: 'regex', pattern: '"', replacement: '' }], refs)).toThrow(SerializedReplacementError);
  });
});
