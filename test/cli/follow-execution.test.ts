/** The progress lines a client command tells while it follows an execution's history through the API. */
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { HistoryDescriber } from '../../src/cli/follow-execution';

const at = new Date(0);
const event = (id: number, type: string, details: Partial<HistoryEvent> = {}): HistoryEvent => ({ id, type: type as HistoryEvent['type'], timestamp: at, ...details });

test('states entered, Map progress in tenths and failures with their error and cause; nothing else', () => {
  const describer = new HistoryDescriber();
  const events = [
    event(1, 'ExecutionStarted'),
    event(2, 'TaskStateEntered', { stateEnteredEventDetails: { name: 'Probe' } }),
    event(3, 'TaskSucceeded'),
    event(4, 'MapStateEntered', { stateEnteredEventDetails: { name: 'Detect' } }),
    event(5, 'MapStateStarted', { mapStateStartedEventDetails: { length: 20 } }),
    ...Array.from({ length: 20 }, (_, i) => event(6 + i, i === 7 ? 'MapIterationFailed' : 'MapIterationSucceeded')),
    event(26, 'TaskFailed', { taskFailedEventDetails: { resourceType: 'lambda', resource: 'invoke', error: 'ResourceNotReadyException', cause: 'not RUNNING' } }),
    event(27, 'ExecutionFailed', { executionFailedEventDetails: { error: 'States.TaskFailed' } }),
  ];
  expect(events.map((e) => describer.describe(e)).filter(Boolean)).toEqual([
    '→ Probe (Task)',
    '→ Detect (Map)',
    '  map over 20 items',
    ...Array.from({ length: 10 }, (_, i) => `  map ${2 * (i + 1)}/20`),
    '✗ TaskFailed: ResourceNotReadyException — not RUNNING',
    '✗ ExecutionFailed: States.TaskFailed',
  ]);
});
