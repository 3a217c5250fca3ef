import { StatesError } from '../../../src/asl/errors';
import type { Json } from '../../../src/asl/json';
import { evaluatePayloadTemplate, type PathScope } from '../../../src/interpreter/jsonpath';

const scopeOf = (input: Json): PathScope => ({ input, context: { Task: { Token: 't-1' } }, variables: { stage: 'prod' } });

describe('evaluatePayloadTemplate', () => {
  const template: Json = {
    constant: 'kept',
    'id.$': '$.id',
    'token.$': '$$.Task.Token',
    'stage.$': '$stage',
    'greeting.$': "States.Format('hello {}', $.name)",
    nested: { 'first.$': '$.items[0]', list: [{ 'second.$': '$.items[1]' }, 'plain'] },
  };

  it('fills `.$` keys at every depth and copies everything else', () => {
    expect(evaluatePayloadTemplate(template, scopeOf({ id: 7, name: 'ada', items: ['x', 'y'] }))).toEqual({
      constant: 'kept',
      id: 7,
      token: 't-1',
      stage: 'prod',
      greeting: 'hello ada',
      nested: { first: 'x', list: [{ second: 'y' }, 'plain'] },
    });
  });

  it('re-evaluates a cached template against each new input', () => {
    const first = evaluatePayloadTemplate(template, scopeOf({ id: 1, name: 'a', items: [1, 2] }));
    const second = evaluatePayloadTemplate(template, scopeOf({ id: 2, name: 'b', items: [3, 4] }));
    expect([first, second].map((result) => (result as { id: number }).id)).toEqual([1, 2]);
  });

  it('returns templates without `.$` keys, and scalars, as they are', () => {
    const literal = { a: [1, { b: 2 }] };
    expect(evaluatePayloadTemplate(literal, scopeOf({}))).toBe(literal);
    expect(evaluatePayloadTemplate('text', scopeOf({}))).toBe('text');
  });

  it('names the key whose path matches nothing', () => {
    expect(() => evaluatePayloadTemplate({ 'value.$': '$.missing' }, scopeOf({ a: 1 }))).toThrow(
      `The JSONPath '$.missing' specified for the field 'value.$' could not be found in the input '{"a":1}'`,
    );
  });

  it('rejects a `.$` key whose value is not a string', () => {
    expect(() => evaluatePayloadTemplate({ 'value.$': 3 }, scopeOf({}), 'ItemSelector')).toThrow(StatesError);
  });
});

describe('keys that are special in JavaScript', () => {
  it('keeps a `__proto__` key as data', () => {
    const template = JSON.parse('{"__proto__.$": "$.id", "plain": 1}') as Json;
    const result = evaluatePayloadTemplate(template, scopeOf({ id: 9 })) as Record<string, Json>;
    expect(Object.keys(result)).toEqual(['__proto__', 'plain']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });
});
