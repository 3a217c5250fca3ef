import type { Json, JsonObject } from '../../../src/asl/json';
import { VirtualClock } from '../../../src/clock/clock';
import { runMachine } from '../run-machine';
import { single } from './support';

const START = Date.UTC(2026, 0, 1);

/** How long the Wait kept the execution, in seconds of virtual time. */
async function waited(state: JsonObject, input: Json = {}, extra: JsonObject = {}): Promise<number> {
  const clock = new VirtualClock(START);
  const run = await runMachine(single({ Type: 'Wait', ...state }, extra), input, { clock });
  expect(run.status).toBe('SUCCEEDED');
  return (run.stopTime - START) / 1000;
}

test.each<[string, JsonObject, Json, number]>([
  ['Seconds', { Seconds: 90 }, {}, 90],
  ['SecondsPath', { SecondsPath: '$.s' }, { s: 5 }, 5],
  ['Timestamp', { Timestamp: '2026-01-01T00:10:00Z' }, {}, 600],
  ['TimestampPath with an offset', { TimestampPath: '$.t' }, { t: '2026-01-01T01:00:00+01:00' }, 0],
  ['a Timestamp in the past', { Timestamp: '2025-01-01T00:00:00Z' }, {}, 0],
])('%s', async (_name, state, input, seconds) => {
  expect(await waited(state, input)).toBe(seconds);
});

test('a JSONata Timestamp goes through the one timestamp parser (seconds optional)', async () => {
  expect(await waited({ Timestamp: '{% $states.input.at %}' }, { at: '2026-01-01T00:02+00:00' }, { QueryLanguage: 'JSONata' })).toBe(120);
});

test.each<[JsonObject, Json, string]>([
  [{ SecondsPath: '$.s' }, { s: -1 }, 'The SecondsPath parameter references a negative value: $.s == -1'],
  [{ TimestampPath: '$.t' }, { t: '2026-02-30T00:00:00Z' }, 'The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.t == 2026-02-30T00:00:00Z'],
])('%j fails with States.Runtime', async (state, input, cause) => {
  const run = await runMachine(single({ Type: 'Wait', ...state }), input, { clock: new VirtualClock(START) });
  expect(run).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
  expect(run.cause).toContain(cause);
});
