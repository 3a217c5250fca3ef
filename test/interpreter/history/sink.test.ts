import type { StoredEvent } from '../../../src/interpreter/history/events';
import { MemoryHistorySink } from '../../../src/interpreter/history/sink';

const event = (id: number): StoredEvent => ({ id, previousEventId: id - 1, timestamp: 0, type: 'PassStateEntered', key: `k${id}` });

test('the memory sink keeps each execution\'s events apart, in order', () => {
  const sink = new MemoryHistorySink();
  sink.append('a', event(1));
  sink.append('b', event(1));
  sink.append('a', event(2));
  expect(sink.events.get('a')!.map((e) => e.id)).toEqual([1, 2]);
  expect(sink.events.get('b')).toHaveLength(1);
});

