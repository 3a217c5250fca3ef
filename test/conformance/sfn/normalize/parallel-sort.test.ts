import { sortParallelEvents } from './parallel-sort';

const event = (id: number, type: string, details: Record<string, unknown> = {}) => ({ id, previousEventId: id - 1, type, ...details });

describe('sortParallelEvents', () => {
  it('sorts the events between ParallelStateStarted and ParallelStateExited and blanks their ids', () => {
    const events = [
      event(1, 'ParallelStateStarted'),
      event(2, 'PassStateEntered', { stateEnteredEventDetails: { name: 'B' } }),
      event(3, 'PassStateEntered', { stateEnteredEventDetails: { name: 'A' } }),
      event(4, 'ParallelStateExited'),
    ];
    sortParallelEvents({ history: { events } });
    expect(events).toEqual([
      event(1, 'ParallelStateStarted'),
      { id: [0], previousEventId: 0, type: 'PassStateEntered', stateEnteredEventDetails: { name: 'A' } },
      { id: [0], previousEventId: 0, type: 'PassStateEntered', stateEnteredEventDetails: { name: 'B' } },
      event(4, 'ParallelStateExited'),
    ]);
  });

  // The shape of a nested Parallel as AWS records it; the recorded corpus history of such a run lacks both
  // ParallelStateSucceeded events and keeps the outer ParallelStateExited (LocalStack's splice quirk).
  it('reproduces the recorded loss of end events when Succeeded is followed by Exited', () => {
    const types = [
      'ExecutionStarted', 'ParallelStateEntered', 'ParallelStateStarted', 'ParallelStateEntered', 'ParallelStateStarted',
      'PassStateEntered', 'PassStateExited', 'ParallelStateSucceeded', 'ParallelStateExited', 'ParallelStateSucceeded',
      'ParallelStateExited', 'ExecutionSucceeded',
    ];
    const events = types.map((type, index) => event(index + 1, type));
    sortParallelEvents({ events });
    expect(events.map((e) => [e.type, e.id])).toEqual([
      ['ExecutionStarted', 1], ['ParallelStateEntered', 2], ['ParallelStateStarted', 3], ['ParallelStateEntered', [0]],
      ['ParallelStateStarted', 5], ['PassStateEntered', [0]], ['PassStateExited', [0]], ['ParallelStateExited', 11],
      ['ExecutionSucceeded', 12],
    ]);
  });
});
