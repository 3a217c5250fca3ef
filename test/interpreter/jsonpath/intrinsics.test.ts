import { StatesError } from '../../../src/asl/errors';
import type { Json } from '../../../src/asl/json';
import { evaluateIntrinsic, type PathScope } from '../../../src/interpreter/jsonpath';

const scope: PathScope = {
  input: { text: 'a,b', list: [1, 2, 2, { k: 1 }, { k: 1 }], obj: { x: 1 }, template: 'v={}' },
  context: { Execution: { Name: 'exec-1' } },
  variables: { limit: 4 },
  entropy: { uuid: () => '00000000-0000-4000-8000-000000000000', random: () => 0.5 },
};

describe('evaluateIntrinsic', () => {
  it.each<[string, Json]>([
    ["States.Format('{} and {}', 'x', 3)", 'x and 3'],
    ["States.Format('escaped \\{\\} and \\'quoted\\' {}', true)", "escaped {} and 'quoted' true"],
    ["States.Format('list {} map {}', $.list, $.obj)", 'list [1, 2, 2, {k=1}, {k=1}] map {x=1}'],
    ['States.Format($.template, null)', 'v=null'],
    ["States.StringToJson('{\"a\": [1]}')", { a: [1] }],
    ['States.JsonToString($.obj)', '{"x":1}'],
    ["States.JsonMerge($.obj, States.StringToJson('{\"y\": 2}'), false)", { x: 1, y: 2 }],
    ['States.Array(1, \'two\', null, $limit, $$.Execution.Name)', [1, 'two', null, 4, 'exec-1']],
    ['States.Array()', []],
    ['States.ArrayPartition($.list, 2)', [[1, 2], [2, { k: 1 }], [{ k: 1 }]]],
    ['States.ArrayContains($.list, $.obj)', false],
    ["States.ArrayContains($.list, States.StringToJson('{\"k\":1}'))", true],
    ['States.ArrayRange(10, 0, -5)', [10, 5, 0]],
    ['States.ArrayRange(1, 0, 1)', []],
    ['States.ArrayGetItem($.list, 3)', { k: 1 }],
    ['States.ArrayLength($.list)', 5],
    ['States.ArrayUnique($.list)', [1, 2, { k: 1 }]],
    ["States.Base64Encode('Data to encode')", 'RGF0YSB0byBlbmNvZGU='],
    ["States.Base64Decode('w6nDoA==')", 'éà'],
    ["States.Hash('input data', 'SHA-1')", 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
    ['States.MathAdd(2147483647, -1)', 2147483646],
    ['States.MathAdd(-0.4, 0)', 0],
    ['States.MathRandom(1, 100, 42)', 63],
    ['States.MathRandom(0, 10)', 5],
    ["States.StringSplit($.text, ',')", ['a', 'b']],
    ["States.StringSplit('a--b', '-')", ['a', 'b']],
    ['States.UUID()', '00000000-0000-4000-8000-000000000000'],
    ["States.ArrayGetItem(States.StringSplit('a.b.c', '.'), States.MathAdd(States.ArrayLength(States.StringSplit('a.b.c', '.')), -1))", 'c'],
    ["States.Format( '{}' ,  $.list[?(@.k == 1)] )", '[{k=1}, {k=1}]'],
  ])('%s', (expression, expected) => {
    expect(evaluateIntrinsic(expression, scope)).toEqual(expected);
  });

  it.each([
    ["States.Format('{} {}', 1)", 'placeholder'],
    ["States.StringToJson('{oops')", 'not valid JSON'],
    ['States.JsonMerge($.obj, $.obj, true)', 'deep merging'],
    ['States.JsonMerge($.obj, $.list, false)', 'second argument must be a JSON object'],
    ['States.ArrayPartition($.list, 0)', 'chunk size'],
    ['States.ArrayRange(0, 2000, 1)', 'maximum of 1000'],
    ['States.ArrayRange(0, 10, 0)', 'step'],
    ['States.ArrayRange(0, 1.5, 1)', 'second argument must be an integer'],
    ['States.ArrayGetItem($.list, 5)', 'out of bounds'],
    ['States.ArrayLength($.obj)', 'first argument must be a JSON array'],
    ["States.Base64Decode('not base64!')", 'not valid Base64'],
    ["States.Hash('data', 'SHA-999')", 'hash algorithm'],
    ['States.MathAdd(2147483648, 0)', 'integer range'],
    ["States.MathAdd('1', 2)", 'first argument must be a number'],
    ['States.MathRandom(5, 5)', 'greater than the start'],
    ['States.UUID(1)', 'expected 0 argument(s)'],
    ['States.NoSuchFunction()', 'does not exist'],
    ["States.Format('{}', 'unterminated)", 'unterminated string literal'],
  ])('%s fails with States.IntrinsicFailure (%s)', (expression, detail) => {
    let failure: unknown;
    try {
      evaluateIntrinsic(expression, scope);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(StatesError);
    expect((failure as StatesError).error).toBe('States.IntrinsicFailure');
    expect((failure as StatesError).cause).toContain(detail);
  });

  it('fails with States.Runtime when a path argument matches nothing', () => {
    expect(() => evaluateIntrinsic('States.ArrayLength($.nothing)', scope, 'n.$')).toThrow(
      "The JSONPath '$.nothing' specified for the field 'n.$' could not be found in the input",
    );
  });
});
