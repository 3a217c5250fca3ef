import { countAt, exceedsTolerance, percentageAt } from '../../../src/interpreter/states/map-config';
import { runDefinition, shape } from '../run-definition';

const outcome = (f: () => number): string => {
  try {
    return String(f());
  } catch (err) {
    return `${(err as { error: string }).error}: ${(err as { cause: string }).cause}`;
  }
};

describe('a count selected by MaxConcurrencyPath or ToleratedFailureCountPath', () => {
  test.each([
    [3, 'ToleratedFailureCount', '3'],
    ['7', 'ToleratedFailureCount', '7'],
    [0, 'MaxConcurrency', '0'],
    [-1, 'ToleratedFailureCount', 'States.Runtime: ToleratedFailureCount cannot be negative.'],
    [-1, 'MaxConcurrency', "States.Runtime: Expected non-negative integer for MaxConcurrency, got '-1' instead."],
    [1.5, 'MaxConcurrency', 'States.Runtime: The MaxConcurrencyPath field refers to value "1.5" which is not a valid integer: $.v'],
    ['NoNumber', 'ToleratedFailureCount', 'States.Runtime: The ToleratedFailureCountPath field refers to value "NoNumber" which is not a valid integer: $.v'],
    [{}, 'ToleratedFailureCount', 'States.Runtime: The ToleratedFailureCountPath field refers to value "{}" which is not a valid integer: $.v'],
    [null, 'MaxConcurrency', 'States.Runtime: The MaxConcurrencyPath field refers to value "null" which is not a valid integer: $.v'],
  ] as const)('%j for %s', (value, field, expected) => {
    expect(outcome(() => countAt(value, '$.v', field))).toBe(expected);
  });
});

describe('a percentage selected by ToleratedFailurePercentagePath', () => {
  test.each([
    [0, '0'],
    [1.1, '1.1'],
    [100, '100'],
    ['50', '50'],
    [-1.1, 'States.Runtime: ToleratedFailurePercentage must be between 0 and 100.'],
    [100.1, 'States.Runtime: ToleratedFailurePercentage must be between 0 and 100.'],
    ['NoNumber', 'States.Runtime: The ToleratedFailurePercentagePath field refers to value "NoNumber" which is not a valid float: $.v'],
    [{}, 'States.Runtime: The ToleratedFailurePercentagePath field refers to value "{}" which is not a valid float: $.v'],
  ] as const)('%j', (value, expected) => {
    expect(outcome(() => percentageAt(value, '$.v'))).toBe(expected);
  });
});

describe('exceedsTolerance', () => {
  test.each([
    ['no failure', {}, 0, 10, false],
    ['any failure without a tolerance', {}, 1, 10, true],
    ['up to the count', { toleratedFailureCount: 2 }, 2, 10, false],
    ['past the count', { toleratedFailureCount: 2 }, 3, 10, true],
    ['up to the percentage', { toleratedFailurePercentage: 50 }, 5, 10, false],
    ['past the percentage', { toleratedFailurePercentage: 50 }, 6, 10, true],
    ['either threshold', { toleratedFailureCount: 10, toleratedFailurePercentage: 10 }, 2, 10, true],
  ])('%s', (_name, limits, failures, total, expected) => {
    expect(exceedsTolerance({ maxConcurrency: 0, ...limits }, failures, total)).toBe(expected);
  });
});

describe('a bad …Path value fails the execution right after MapStateStarted', () => {
  const map = (field: string) => ({
    StartAt: 'M',
    States: { M: { Type: 'Map', ItemsPath: '$.items', [field]: '$.v', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
  });
  test.each([
    ['MaxConcurrencyPath', -1, "Expected non-negative integer for MaxConcurrency, got '-1' instead."],
    ['ToleratedFailureCountPath', -1, 'ToleratedFailureCount cannot be negative.'],
    ['ToleratedFailurePercentagePath', 100.1, 'ToleratedFailurePercentage must be between 0 and 100.'],
  ])('%s = %j', async (field, v, cause) => {
    const { result, events } = await runDefinition(map(field), { items: [1], v });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: `An error occurred while executing the state 'M' (entered at the event id #2). ${cause}` });
    expect(shape(events)).toEqual(['1:ExecutionStarted<0', '2:MapStateEntered<0', '3:MapStateStarted<2', '4:ExecutionFailed<3']);
  });

  test.each([
    ['MaxConcurrency', '{% -1 %}', "returned an out-of-range value. Expected an integer >= 0, but was: -1"],
    ['ToleratedFailurePercentage', '{% 101 %}', 'returned an out-of-range value. Expected a number from 0 to 100, but was: 101'],
  ])('JSONata %s %s', async (field, expression, cause) => {
    const definition = { QueryLanguage: 'JSONata', StartAt: 'M', States: { M: { Type: 'Map', Items: [1], [field]: expression, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } } };
    const { result } = await runDefinition(definition);
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(result.cause).toContain(cause);
  });
});
