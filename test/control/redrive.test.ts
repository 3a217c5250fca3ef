import type { StoredEvent } from '../../src/interpreter/history/events';
import { redriveRenames } from '../../src/control/redrive';

function history(...entries: Array<[string, string]>): StoredEvent[] {
  return entries.map(([key, type], i) => ({ id: i + 1, previousEventId: i, timestamp: 0, key, type }));
}

/** Which keys a redrive forgets (so the steps they belong to run again). */
const CASES: Array<{ name: string; events: StoredEvent[]; renamed: string[] }> = [
  {
    name: 'a failed task after a completed Pass',
    events: history(['exec:s', 'ExecutionStarted'], ['/0:e', 'PassStateEntered'], ['/0:x', 'PassStateExited'], ['/1:e', 'TaskStateEntered'], ['/1:t0:s', 'TaskScheduled'], ['/1:t0:d', 'TaskFailed'], ['exec:d', 'ExecutionFailed']),
    renamed: ['/1:e', '/1:t0:s', '/1:t0:d', 'exec:d'],
  },
  {
    name: 'a Map with one failed iteration',
    events: history(
      ['exec:s', 'ExecutionStarted'], ['/0:e', 'MapStateEntered'], ['/0:s', 'MapStateStarted'],
      ['/0[0]:s', 'MapIterationStarted'], ['/0[0]/0:e', 'PassStateEntered'], ['/0[0]/0:x', 'PassStateExited'], ['/0[0]:d', 'MapIterationSucceeded'],
      ['/0[1]:s', 'MapIterationStarted'], ['/0[1]/0:e', 'TaskStateEntered'], ['/0[1]:d', 'MapIterationFailed'],
      ['/0:d', 'MapStateFailed'], ['exec:d', 'ExecutionFailed'],
    ),
    renamed: ['/0:e', '/0:s', '/0[1]:s', '/0[1]/0:e', '/0[1]:d', '/0:d', 'exec:d'],
  },
  {
    name: 'a Parallel whose second branch failed',
    events: history(
      ['exec:s', 'ExecutionStarted'], ['/0:e', 'ParallelStateEntered'], ['/0:s', 'ParallelStateStarted'],
      ['/0{0}/0:e', 'PassStateEntered'], ['/0{0}/0:x', 'PassStateExited'], ['/0{1}/0:e', 'TaskStateEntered'],
      ['/0:d', 'ParallelStateFailed'], ['exec:d', 'ExecutionFailed'],
    ),
    renamed: ['/0:e', '/0:s', '/0{1}/0:e', '/0:d', 'exec:d'],
  },
  {
    name: 'a second redrive keeps the first one’s renamed events and marker',
    events: history(['exec:s', 'ExecutionStarted'], ['~redrive1~exec:d', 'ExecutionFailed'], ['redrive:1', 'ExecutionRedriven'], ['/0:e', 'TaskStateEntered'], ['exec:d', 'ExecutionFailed']),
    renamed: ['/0:e', 'exec:d'],
  },
];

test.each(CASES)('redrive forgets the unfinished steps of $name', ({ events, renamed }) => {
  const renames = redriveRenames(events, 2);
  const byId = new Map(events.map((e) => [e.id, e.key]));
  expect(renames.map((r) => byId.get(r.id))).toEqual(renamed);
  for (const r of renames) expect(r.key).toBe(`~redrive2~${byId.get(r.id)}`);
});
