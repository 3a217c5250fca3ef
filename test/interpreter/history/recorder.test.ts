/** The history recorder: replayed keys, and AWS's 25,000-event limit. */
import type { StateMachineDefinition } from '../../../src/asl/definition';
import { VirtualClock } from '../../../src/clock/clock';
import { HistoryLimitReached, HistoryRecorder } from '../../../src/interpreter/history/recorder';
import { MemoryHistorySink } from '../../../src/interpreter/history/sink';
import { MAX_HISTORY_EVENTS } from '../../../src/interpreter/limits';
import { runMachine } from '../run-machine';

test('an event already recorded under a key is returned, not written again', () => {
  const sink = new MemoryHistorySink();
  const first = new HistoryRecorder('arn', sink, new VirtualClock(0), true);
  const started = first.emit('exec:s', 'ExecutionStarted', 0, () => ({ input: 1 }));
  const resumed = new HistoryRecorder('arn', sink, new VirtualClock(5), true, sink.events.get('arn'));
  expect(resumed.emit('exec:s', 'ExecutionStarted', 0)).toBe(started);
  expect(resumed.emit('0:e', 'PassStateEntered', 1).id).toBe(2);
  expect(sink.events.get('arn')).toHaveLength(2);
});

test('no event but the execution\'s closing one may take the 25,000th id', () => {
  const recorder = new HistoryRecorder('arn', new MemoryHistorySink(), new VirtualClock(0), false, [], MAX_HISTORY_EVENTS);
  for (let i = 1; i < MAX_HISTORY_EVENTS; i++) recorder.emit(`k${i}`, 'PassStateEntered', i - 1);
  expect(() => recorder.emit('k', 'PassStateExited', 1)).toThrow(HistoryLimitReached);
  expect(recorder.emit('exec:d', 'ExecutionFailed', 24_999).id).toBe(MAX_HISTORY_EVENTS);
});

const countdown = {
  StartAt: 'Step',
  States: {
    Step: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, -1)' }, Next: 'More' },
    More: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 0, Next: 'Step' }], Default: 'Done' },
    Done: { Type: 'Succeed' },
  },
} as unknown as StateMachineDefinition;

test('an EXPRESS execution has no such limit: AWS keeps no history for it', async () => {
  const run = await runMachine(countdown, { n: 7_000 }, { type: 'EXPRESS' });
  expect(run).toMatchObject({ status: 'SUCCEEDED', output: { n: 0 } });
  expect(run.events.length).toBeGreaterThan(MAX_HISTORY_EVENTS);
});

test('an endless loop fails with States.Runtime at event 25,000, as on AWS, and a Catch does not intercept it', async () => {
  const loop = {
    StartAt: 'Spin',
    States: {
      Spin: { Type: 'Pass', Next: 'Again' },
      Again: {
        Type: 'Parallel',
        Branches: [{ StartAt: 'Inner', States: { Inner: { Type: 'Pass', End: true } } }],
        Catch: [{ ErrorEquals: ['States.ALL', 'States.Runtime'], Next: 'Spin' }],
        Next: 'Spin',
      },
    },
  } as unknown as StateMachineDefinition;
  const run = await runMachine(loop, {});
  expect(run).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: 'The execution reached the maximum number of history events (25000).' });
  const last = run.events[run.events.length - 1];
  expect(last).toMatchObject({ id: 25_000, type: 'ExecutionFailed', previousEventId: 24_999 });
  expect(run.events).toHaveLength(25_000);
});
