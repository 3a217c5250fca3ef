/**
 * Retry timing on the virtual clock: IntervalSeconds, BackoffRate, MaxDelaySeconds and
 * JitterStrategy FULL with the runtime's injected randomness, read from the TaskScheduled times.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
import type { StateMachineDefinition } from '../../src/asl/definition';
import type { JsonObject } from '../../src/asl/json';
import { VirtualClock } from '../../src/clock/clock';
import type { LambdaInvoker } from '../../src/interpreter/integrations/services';
import { runMachine } from './run-machine';

const failing: LambdaInvoker = {
  async invoke() {
    return { payload: JSON.stringify({ errorType: 'Flaky', errorMessage: 'try again' }), functionError: 'Unhandled', executedVersion: '$LATEST' };
  },
};

function retrying(retrier: JsonObject): StateMachineDefinition {
  return {
    StartAt: 'Call',
    States: { Call: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:flaky', Retry: [{ ErrorEquals: ['Flaky'], ...retrier }], End: true } },
  } as unknown as StateMachineDefinition;
}

/** Seconds between one attempt's failure and the next attempt's scheduling. */
async function delays(retrier: JsonObject, random?: () => number): Promise<number[]> {
  const clock = new VirtualClock(0);
  const run = await runMachine(retrying(retrier), {}, { clock, random, services: { lambda: failing } });
  expect(run).toMatchObject({ status: 'FAILED', error: 'Flaky' });
  const failed = run.events.filter((e) => e.type === 'LambdaFunctionFailed').map((e) => e.timestamp);
  const scheduled = run.events.filter((e) => e.type === 'LambdaFunctionScheduled').map((e) => e.timestamp);
  return scheduled.slice(1).map((at, i) => (at - failed[i]) / 1000);
}

test.each<[string, JsonObject, number[]]>([
  ['defaults: 1 s, doubling, 3 retries', {}, [1, 2, 4]],
  ['IntervalSeconds and BackoffRate', { IntervalSeconds: 3, BackoffRate: 1.5, MaxAttempts: 4 }, [3, 4.5, 6.75, 10.125]],
  ['MaxDelaySeconds caps the backoff', { IntervalSeconds: 2, BackoffRate: 10, MaxAttempts: 4, MaxDelaySeconds: 50 }, [2, 20, 50, 50]],
  ['MaxAttempts 0 never retries', { MaxAttempts: 0 }, []],
])('%s', async (_name, retrier, expected) => {
  expect(await delays(retrier)).toEqual(expected);
});

test('JitterStrategy FULL waits a random fraction of each delay, drawn from the injected randomness', async () => {
  const draws = [0.5, 0.25, 1];
  const random = () => draws.shift() ?? 0;
  expect(await delays({ IntervalSeconds: 4, BackoffRate: 2, JitterStrategy: 'FULL' }, random)).toEqual([2, 2, 16]);
});
