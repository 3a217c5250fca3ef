import jsonata from 'jsonata';
import type { Json } from '../../../src/asl/json';
import { evaluateJsonataTemplate } from '../../../src/interpreter/jsonata';
import { bindingsFor, causeOf } from './helpers';

const QEE = 'States.QueryEvaluationError: ';

describe('evaluateJsonataTemplate', () => {
  it('evaluates templates nested in objects and arrays and leaves everything else as-is', async () => {
    const template: Json = { a: '{% $states.input.x %}', b: [1, '{% $v * 2 %}', ' {% x %} '], c: null, d: '$.x' };
    expect(await evaluateJsonataTemplate(template, bindingsFor({ x: 'X' }, { v: 21 }), 'Output')).toEqual({
      a: 'X',
      b: [1, 42, ' {% x %} '],
      c: null,
      d: '$.x',
    });
  });

  it('returns constant subtrees unchanged', async () => {
    const template = { a: [1, { b: 'c' }] };
    expect(await evaluateJsonataTemplate(template, bindingsFor({}), 'Output')).toBe(template);
  });

  it('sees variables of enclosing scopes through the prototype chain', async () => {
    const outer = { shadowed: 'outer', inherited: 'yes' };
    const inner = Object.assign(Object.create(outer) as Record<string, Json>, { shadowed: 'inner' });
    const result = await evaluateJsonataTemplate('{% [$shadowed, $inherited] %}', bindingsFor(null, inner), 'Output');
    expect(result).toEqual(['inner', 'yes']);
  });

  it('binds $states.result and $states.errorOutput when the interpreter provides them', async () => {
    const bindings = { states: { input: 1, context: { Execution: { Id: 'e' } }, result: 2, errorOutput: 3 }, variables: {} };
    const template = '{% [$states.input, $states.result, $states.errorOutput, $states.context.Execution.Id] %}';
    expect(await evaluateJsonataTemplate(template, bindings, 'Output')).toEqual([1, 2, 3, 'e']);
  });

  it('returns sequences as plain arrays', async () => {
    const result = await evaluateJsonataTemplate('{% $states.input.n %}', bindingsFor({ n: [1, 2] }), 'Output');
    const mapped = await evaluateJsonataTemplate('{% $states.input.o.n %}', bindingsFor({ o: [{ n: 1 }, { n: 2 }] }), 'O');
    expect(Object.keys(result as Json[])).toEqual(['0', '1']);
    expect(Object.keys(mapped as Json[])).toEqual(['0', '1']);
    expect(mapped).toEqual([1, 2]);
  });

  it.each([
    ['{% 1/0 %}', 'Infinity'],
    ['{% -1/0 %}', '-Infinity'],
    ['{% 1.0 %}', 1],
    ['{% {"a": [1, {"f": 2.50}]} %}', { a: [1, { f: 2.5 }] }],
  ])('%s -> %j', async (template, expected) => {
    expect(await evaluateJsonataTemplate(template, bindingsFor({}), 'Output')).toEqual(expected);
  });

  it.each([
    [{ result: '{% $doesNotExist %}' }, 'Output', "The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined)."],
    [{ a: ['x', { b: '{% $nope %}' }] }, 'Arguments', "The JSONata expression '$nope' specified for the field 'Arguments/a[1]/b' returned nothing (undefined)."],
    ['{% $states.result %}', 'Output', "The JSONata expression '$states.result' specified for the field 'Output' returned nothing (undefined)."],
    ['{%  $string  %}', 'Output', "The JSONata expression '$string' specified for the field 'Output' returned an unsupported result type."],
    ['{% {"f": function(){1}} %}', 'Output', `The JSONata expression '{"f": function(){1}}' specified for the field 'Output' returned an unsupported result type.`],
    ['{% $sum("a") %}', 'Output', `The JSONata expression '$sum("a")' specified for the field 'Output' threw an error during evaluation. T0412: Argument 1 of function "sum" must be an array of "numbers"`],
    ['{% 1 + %}', 'Output', "The JSONata expression '1 +' specified for the field 'Output' threw an error during evaluation. S0207: Unexpected end of expression"],
  ])('%j in %s fails', async (template, field, cause) => {
    expect(await causeOf(evaluateJsonataTemplate(template, bindingsFor({}), field))).toBe(QEE + cause);
  });
});

describe('simple-path shortcut', () => {
  const values: Json[] = [0, -1.5, 'text', true, null, [], [0], [[1, 2], [3]], [{ a: 1 }], {}, { a: { b: [1] } }];
  const expressions = ['$states.input', '$states.input.v', '$states.input.v.a', '$states.input.v.a.b', '$var', '$var.a'];

  it.each(expressions)('%s gives what jsonata gives for every value shape', async (expression) => {
    for (const value of values) {
      const bindings = bindingsFor({ v: value }, { var: value });
      const direct = await jsonata(expression).evaluate(undefined, { states: bindings.states, var: value });
      const ours = await evaluateJsonataTemplate(`{% ${expression} %}`, bindings, 'F').catch(() => undefined);
      expect(JSON.stringify(ours)).toBe(JSON.stringify(direct));
    }
  });
});
