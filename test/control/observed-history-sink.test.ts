import { ObservedHistorySink } from '../../src/control/observed-history-sink';
import type { StoredEvent } from '../../src/interpreter/history/events';
import { openDatabase } from '../../src/store';

const ARN = 'arn:aws:states:us-east-1:000000000000:execution:sm:run';
const event = (id: number): StoredEvent => ({ id, previousEventId: id - 1, timestamp: 1000 + id, type: 'PassStateEntered', key: `k${id}`, details: { name: 'P' } });

describe('ObservedHistorySink', () => {
  test('records every event and tells each observer until it stops observing', () => {
    const sink = new ObservedHistorySink(openDatabase());
    const seen: [string, number][] = [];
    const stop = sink.observe((arn, e) => seen.push([arn, e.id]));
    sink.append(ARN, event(1));
    stop();
    sink.append(ARN, event(2));
    sink.flush();
    expect(seen).toEqual([[ARN, 1]]);
    expect(sink.load(ARN).map((e) => e.id)).toEqual([1, 2]);
  });

  test('an observer that throws is warned about; recording and the other observers go on', () => {
    const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const sink = new ObservedHistorySink(openDatabase());
    const seen: number[] = [];
    sink.observe(() => {
      throw new Error('console gone');
    });
    sink.observe((_arn, e) => seen.push(e.id));
    sink.append(ARN, event(1));
    sink.flush();
    expect(seen).toEqual([1]);
    expect(sink.load(ARN)).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith('history observer failed: Error: console gone');
    warn.mockRestore();
  });
});
