import { detailsKey, toAwsEvent, type StoredEvent } from '../../../src/interpreter/history/events';

test.each([
  ['PassStateEntered', 'stateEnteredEventDetails'],
  ['MapStateExited', 'stateExitedEventDetails'],
  ['TaskScheduled', 'taskScheduledEventDetails'],
  ['MapRunStarted', 'mapRunStartedEventDetails'],
])('%s details go under %s', (type, key) => {
  expect(detailsKey(type)).toBe(key);
});

const entered: StoredEvent = {
  id: 2,
  previousEventId: 1,
  timestamp: 0,
  type: 'PassStateEntered',
  key: '/0:e',
  details: { name: 'P', input: { a: 1 }, inputDetails: { truncated: false } },
};

test('inputs and outputs become JSON text, as GetExecutionHistory shows them', () => {
  expect(toAwsEvent(entered)).toEqual({
    timestamp: new Date(0),
    type: 'PassStateEntered',
    id: 2,
    previousEventId: 1,
    stateEnteredEventDetails: { name: 'P', input: '{"a":1}', inputDetails: { truncated: false } },
  });
});

test('includeExecutionData=false drops the data and its details', () => {
  expect(toAwsEvent(entered, false).stateEnteredEventDetails).toEqual({ name: 'P' });
});

test('ExecutionStarted shows its input text exactly as it was given', () => {
  const started: StoredEvent = { ...entered, id: 1, type: 'ExecutionStarted', key: 'exec:s', meta: { inputText: '{ "a" : 1 }' } };
  expect((toAwsEvent(started).executionStartedEventDetails as { input: string }).input).toBe('{ "a" : 1 }');
});
