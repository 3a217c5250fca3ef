import { exceedsPayloadQuota } from '../../src/interpreter/payload-limit';
import { runDefinition, shape } from './run-definition';

const KIB = 1024;
const big = (bytes: number, char = 'a') => char.repeat(bytes);
const cause = (state: string) => `The state/task '${state}' returned a result with a size exceeding the maximum number of bytes service limit.`;
/** A JSONata expression producing a string of 257 KiB. */
const HUGE = "{% $pad('', 263168, 'x') %}";

describe('exceedsPayloadQuota', () => {
  test.each([
    ['a small object', { a: 1 }, false],
    ['a number', 1e300, false],
    ['null', null, false],
    ['a string of 256 KiB with its quotes', big(256 * KIB - 2), false],
    ['a string one byte over', big(256 * KIB - 1), true],
    ['multi-byte characters counted in UTF-8 bytes', big(90 * KIB, 'あ'), true],
    ['the same count of one-byte characters', big(90 * KIB), false],
    ['an array over the quota', [big(200 * KIB), big(100 * KIB)], true],
  ])('%s', (_name, value, expected) => {
    expect(exceedsPayloadQuota(value)).toBe(expected);
  });
});

describe('a state whose output exceeds 256 KiB fails the execution with States.DataLimitExceeded', () => {
  const pass = { Type: 'Pass', End: true };
  test.each([
    ['Pass (Result)', { StartAt: 'S', States: { S: { Type: 'Pass', Result: { Arg1: big(257 * KIB) }, End: true } } }, 'S'],
    ['Pass (JSONata Output)', { QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: 'Pass', Output: HUGE, End: true } } }, 'S'],
    [
      'Task (ResultPath merges input and result)',
      { StartAt: 'S', States: { S: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:f', ResultPath: '$.r', End: true } } },
      'S',
    ],
    [
      'Choice (JSONata Output of the matching rule)',
      { QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: 'Choice', Choices: [{ Condition: '{% true %}', Output: HUGE, Next: 'E' }] }, E: { Type: 'Succeed' } } },
      'S',
    ],
    ['Wait (JSONata Output)', { QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: 'Wait', Seconds: 0, Output: HUGE, End: true } } }, 'S'],
    ['Succeed (JSONata Output)', { QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: 'Succeed', Output: HUGE } } }, 'S'],
    [
      'Map (the results together)',
      { QueryLanguage: 'JSONata', StartAt: 'S', States: { S: { Type: 'Map', Items: [1, 2, 3], ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Output: "{% $pad('', 100000, 'x') %}", End: true } } }, End: true } } },
      'S',
    ],
    [
      'Parallel (the branch outputs together)',
      { StartAt: 'S', States: { S: { Type: 'Parallel', Branches: [1, 2].map(() => ({ StartAt: 'P', States: { P: { ...pass, Result: big(150 * KIB) } } })), End: true } } },
      'S',
    ],
  ])('%s', async (_name, definition, state) => {
    const { result } = await runDefinition(definition, { x: big(200 * KIB) }, { functions: { f: () => ({ y: big(100 * KIB) }) } });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded', cause: cause(state) });
  });

  test('the failure follows the Entered event, with no Exited event, as AWS records it', async () => {
    const { events } = await runDefinition({ StartAt: 'State_1', States: { State_1: { Type: 'Pass', Result: { Arg1: big(257 * KIB) }, End: true } } });
    expect(shape(events)).toEqual(['1:ExecutionStarted<0', '2:PassStateEntered<0', '3:ExecutionFailed<2']);
  });

  test('it is terminal: neither the state inside a Parallel nor the Parallel catches it with States.ALL', async () => {
    const definition = {
      StartAt: 'Par',
      States: {
        Par: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'P', States: { P: { Type: 'Pass', Result: big(257 * KIB), End: true } } }],
          Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }],
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Caught' }],
          End: true,
        },
        Caught: { Type: 'Succeed' },
      },
    };
    const { result, events } = await runDefinition(definition);
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded', cause: cause('P') });
    expect(events.filter((e) => e.type === 'ParallelStateStarted')).toHaveLength(1);
  });

  test('an output just under the quota passes', async () => {
    const { result } = await runDefinition({ StartAt: 'S', States: { S: { Type: 'Pass', Result: big(255 * KIB), End: true } } });
    expect(result.status).toBe('SUCCEEDED');
  });
});
