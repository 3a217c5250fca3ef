/**
 * The normaliser against the recordings themselves: each case's StartExecution input, put in an
 * ExecutionStarted event the way GetExecutionHistory returns it and normalised with the case's own ops,
 * must give the input stored in the snapshot (`recordedInput`).
 */
import { loadSfnCases, type SfnCase } from '../corpus';
import { normalizeSnapshot } from './normalize-snapshot';
import type { RecordingRefs } from './types';

type RecordedCase = SfnCase & { recordedInput: unknown };

const refs: RecordingRefs = {
  accountId: '000000000000',
  region: 'us-east-1',
  partition: 'aws',
  roleArn: 'arn:aws:iam::000000000000:role/statecraft-conformance',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:conformance-sm',
  executionArns: ['arn:aws:states:us-east-1:000000000000:execution:conformance-sm:run-1'],
  output: { FunctionResult: 'f1d2b6a4-0000-4000-8000-000000000000' },
};

function executionStartedHistory(input: string | null): Record<string, unknown> {
  const started = {
    id: 1,
    previousEventId: 0,
    // boto returns event timestamps as datetimes; passing a Date reproduces the recorded "timestamp".
    timestamp: new Date(Date.UTC(2024, 0, 1)),
    type: 'ExecutionStarted',
    // AWS records a missing input as "{}".
    executionStartedEventDetails: { input: input ?? '{}', inputDetails: { truncated: false }, roleArn: refs.roleArn },
  };
  return { get_execution_history: { events: [started], ResponseMetadata: { HTTPHeaders: {}, HTTPStatusCode: 200 } } };
}

const cases = (loadSfnCases() as RecordedCase[]).map((c) => [c.id, c] as const);

describe('normalised StartExecution inputs reproduce the recorded ones', () => {
  it.each(cases)('%s', (_id, recorded) => {
    const normalized = normalizeSnapshot(executionStartedHistory(recorded.input), recorded.normalization, refs) as {
      get_execution_history: { events: { type: string; timestamp: unknown; executionStartedEventDetails: { input: unknown; roleArn: unknown } }[] };
    };
    const [event] = normalized.get_execution_history.events;
    expect(event.executionStartedEventDetails.input).toEqual(recorded.recordedInput);
    expect(event.executionStartedEventDetails.roleArn).toBe('snf_role_arn');
    expect(event.timestamp).toBe('timestamp');
  });
});
