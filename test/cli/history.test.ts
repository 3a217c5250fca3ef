/** `statecraft history`'s table: each event's state, its time, how long a state or the execution took, the error. */
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { formatDuration, formatHistory } from '../../src/cli/history';

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, 0, ms));

const events: HistoryEvent[] = [
  { id: 1, previousEventId: 0, type: 'ExecutionStarted', timestamp: at(0), executionStartedEventDetails: { input: '{}' } },
  { id: 2, previousEventId: 1, type: 'TaskStateEntered', timestamp: at(5), stateEnteredEventDetails: { name: 'Train', input: '{}' } },
  { id: 3, previousEventId: 2, type: 'LambdaFunctionScheduled', timestamp: at(6), lambdaFunctionScheduledEventDetails: { resource: 'arn' } },
  { id: 4, previousEventId: 3, type: 'LambdaFunctionStarted', timestamp: at(7) },
  { id: 5, previousEventId: 4, type: 'LambdaFunctionFailed', timestamp: at(2505), lambdaFunctionFailedEventDetails: { error: 'OutOfMemory', cause: 'the model\n does not fit' } },
  { id: 6, previousEventId: 5, type: 'TaskStateExited', timestamp: at(2506), stateExitedEventDetails: { name: 'Train' } },
  { id: 7, previousEventId: 6, type: 'ExecutionFailed', timestamp: at(2507), executionFailedEventDetails: { error: 'OutOfMemory', cause: 'x'.repeat(300) } },
];

test('a row per event: the state it belongs to, its time, the duration of states and of the execution, the error on one line', () => {
  const lines = formatHistory(events).trimEnd().split('\n').map((line) => line.split(/\s{2,}/));
  expect(lines.slice(0, 7)).toEqual([
    ['ID', 'STATE', 'EVENT', 'TIME', 'DURATION', 'ERROR'],
    ['1', 'ExecutionStarted', '2026-01-01T12:00:00.000Z'],
    ['2', 'Train', 'TaskStateEntered', '2026-01-01T12:00:00.005Z'],
    ['3', 'Train', 'LambdaFunctionScheduled', '2026-01-01T12:00:00.006Z'],
    ['4', 'Train', 'LambdaFunctionStarted', '2026-01-01T12:00:00.007Z'],
    ['5', 'Train', 'LambdaFunctionFailed', '2026-01-01T12:00:02.505Z', 'OutOfMemory: the model does not fit'],
    ['6', 'Train', 'TaskStateExited', '2026-01-01T12:00:02.506Z', '2.50 s'],
  ]);
  const last = lines[7];
  expect(last.slice(0, 5)).toEqual(['7', 'ExecutionFailed', '2026-01-01T12:00:02.507Z', '2.51 s', expect.stringMatching(/^OutOfMemory: x+…$/)]);
  expect(last[4].length).toBe(100);
});

test.each([
  [0, '0 ms'],
  [999, '999 ms'],
  [1500, '1.50 s'],
  [12_340, '12.3 s'],
  [125_000, '2 min 5 s'],
  [2 * 3600_000 + 5 * 60_000, '2 h 5 min'],
])('%i ms reads %s', (ms, text) => {
  expect(formatDuration(ms)).toBe(text);
});
