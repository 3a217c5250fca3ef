import type { StateMachineDefinition } from '../../../src/asl/definition';
import type { Json } from '../../../src/asl/json';
import { runMachine } from '../run-machine';

const machine = {
  StartAt: 'Route',
  States: {
    Route: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.n', NumericGreaterThan: 10, Next: 'Big' },
        { And: [{ Variable: '$.s', IsPresent: true }, { Variable: '$.s', StringMatches: 'a*' }], Next: 'Letter' },
      ],
      Default: 'Other',
    },
    Big: { Type: 'Pass', Result: 'big', End: true },
    Letter: { Type: 'Pass', Result: 'letter', End: true },
    Other: { Type: 'Pass', Result: 'other', End: true },
  },
} as unknown as StateMachineDefinition;

test.each<[Json, string]>([
  [{ n: 11 }, 'big'],
  [{ n: 1, s: 'abc' }, 'letter'],
  [{ n: 1, s: 'xyz' }, 'other'],
  [{ n: 1 }, 'other'],
])('%j goes to %s', async (input, output) => {
  expect((await runMachine(machine, input)).output).toBe(output);
});

test('no matching rule and no Default fails with States.NoChoiceMatched', async () => {
  const noDefault = { StartAt: 'Route', States: { Route: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericEquals: 1, Next: 'Done' }] }, Done: { Type: 'Succeed' } } } as unknown as StateMachineDefinition;
  expect(await runMachine(noDefault, { n: 2 })).toMatchObject({ status: 'FAILED', error: 'States.NoChoiceMatched' });
});
