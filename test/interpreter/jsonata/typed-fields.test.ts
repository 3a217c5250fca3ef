import {
  evaluateJsonataCondition,
  evaluateJsonataItems,
  evaluateJsonataNumber,
  evaluateJsonataString,
  evaluateJsonataTimestamp,
} from '../../../src/interpreter/jsonata';
import { bindingsFor, causeOf } from './helpers';

const QEE = 'States.QueryEvaluationError: ';

describe('evaluateJsonataCondition', () => {
  it('passes a boolean literal through and evaluates templates', async () => {
    expect(await evaluateJsonataCondition(true, bindingsFor({}), 'Choices[0]/Condition')).toBe(true);
    expect(await evaluateJsonataCondition('{% $states.input.v >= 20 %}', bindingsFor({ v: 22 }), 'C')).toBe(true);
  });

  it('fails on a non-boolean result', async () => {
    expect(await causeOf(evaluateJsonataCondition('{% $states.input %}', bindingsFor('yes'), 'Choices[0]/Condition'))).toBe(
      QEE +
        "The JSONata expression '$states.input' specified for the field 'Choices[0]/Condition' returned an unexpected result type. Expected 'boolean', but was 'string' for value: \"yes\"",
    );
  });
});

describe('evaluateJsonataItems', () => {
  it('evaluates an array literal element by element', async () => {
    expect(await evaluateJsonataItems([1, "{% $number('2') %}", 3], bindingsFor({}))).toEqual([1, 2, 3]);
  });

  it.each([
    ['{% $ItemsVar %}', { foo: 'bar' }, `Expected 'array', but was 'object' for value: {"foo":"bar"}`],
    ['{% $ItemsVar %}', null, "Expected 'array', but was 'null' for value: null"],
    ['{% $ItemsVar %}', true, "Expected 'array', but was 'boolean' for value: true"],
  ])('%s with %j fails', async (items, value, tail) => {
    expect(await causeOf(evaluateJsonataItems(items, bindingsFor({}, { ItemsVar: value })))).toBe(
      `${QEE}The JSONata expression '$ItemsVar' specified for the field 'Items' returned an unexpected result type. ${tail}`,
    );
  });
});

describe('evaluateJsonataString', () => {
  it('keeps a literal and type-checks a template', async () => {
    expect(await evaluateJsonataString('Plain', bindingsFor({}), 'Error')).toBe('Plain');
    expect(await evaluateJsonataString('{% $states.input.e %}', bindingsFor({ e: 'Exception' }), 'Error')).toBe('Exception');
    expect(await causeOf(evaluateJsonataString('{% 1 %}', bindingsFor({}), 'Cause'))).toBe(
      `${QEE}The JSONata expression '1' specified for the field 'Cause' returned an unexpected result type. Expected 'string', but was 'number' for value: 1`,
    );
  });
});

describe('evaluateJsonataNumber', () => {
  it.each([
    ['{% $states.input.n %}', 'Seconds', 0],
    ['{% $variable := 1 %}', 'MaxConcurrency', 1],
    ['{% 100 %}', 'ToleratedFailurePercentage', 100],
    ['{% 2.5 %}', 'ToleratedFailurePercentage', 2.5],
  ])('%s for %s -> %d', async (value, field, expected) => {
    expect(await evaluateJsonataNumber(value, bindingsFor({ n: 0 }), field)).toBe(expected);
  });

  it('passes a literal number through', async () => {
    expect(await evaluateJsonataNumber(7, bindingsFor({}), 'TimeoutSeconds')).toBe(7);
  });

  it.each([
    ['{% "5" %}', 'Seconds', `returned an unexpected result type. Expected 'number', but was 'string' for value: "5"`],
    ['{% -1 %}', 'MaxConcurrency', 'returned an out-of-range value. Expected an integer >= 0, but was: -1'],
    ['{% 1.5 %}', 'Seconds', 'returned an out-of-range value. Expected an integer from 0 to 99999999, but was: 1.5'],
    ['{% 0 %}', 'HeartbeatSeconds', 'returned an out-of-range value. Expected an integer from 1 to 99999999, but was: 0'],
    ['{% 101 %}', 'ToleratedFailurePercentage', 'returned an out-of-range value. Expected a number from 0 to 100, but was: 101'],
  ])('%s for %s fails', async (value, field, tail) => {
    const expression = value.slice(3, -3);
    expect(await causeOf(evaluateJsonataNumber(value, bindingsFor({}), field))).toBe(
      `${QEE}The JSONata expression '${expression}' specified for the field '${field}' ${tail}`,
    );
  });
});

describe('evaluateJsonataTimestamp', () => {
  it.each([
    ['2016-03-14T01:59:00Z', Date.UTC(2016, 2, 14, 1, 59)],
    ['2016-03-05T21:29:29.243167252Z', Date.UTC(2016, 2, 5, 21, 29, 29, 243)],
    ['2016-03-14T01:59+01:30', Date.UTC(2016, 2, 14, 0, 29)],
    ['2024-02-29T00:00:00-00:00', Date.UTC(2024, 1, 29)],
  ])('%s', async (text, millis) => {
    expect(await evaluateJsonataTimestamp('{% $states.input %}', bindingsFor(text))).toBe(millis);
  });

  it.each(['2016-12-05T25:29:29Z', '05-12-2016T21:29:29Z', '2023-02-29T00:00:00Z', '2016-03-14T01:59:00', '2016-03-14 01:59:00Z'])(
    '%s is rejected',
    async (text) => {
      expect(await causeOf(evaluateJsonataTimestamp('{% $states.input %}', bindingsFor(text)))).toBe(
        `${QEE}The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${text}`,
      );
    },
  );
});
