/**
 * Validation names the user's states and reports the one real problem: an unknown Type is not also a
 * bad QueryLanguage, a Task without Resource is not "Type is invalid", a machine without a terminal
 * state is named by where it is, never `fsm1`.
 */
import { validateDefinition, type Diagnostic } from '../../src/control/definition-validation';

const lambda = 'arn:aws:lambda:us-east-1:000000000000:function:f';
const machine = (states: Record<string, unknown>, extra: Record<string, unknown> = {}) => JSON.stringify({ StartAt: Object.keys(states)[0], States: states, ...extra });

const cases: [string, string, Partial<Diagnostic>[]][] = [
  ['an unknown Type', machine({ Greet: { Type: 'Passs', End: true } }), [{ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/Greet/Type', message: 'State "Greet" has the Type "Passs": it must be one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map' }]],
  ['an unknown Type in a JSONata machine', machine({ Greet: { Type: 'Tsk', End: true } }, { QueryLanguage: 'JSONata' }), [{ location: '/States/Greet/Type', message: expect.stringContaining('the Type "Tsk"') }]],
  ['no Type', machine({ Greet: { End: true } }), [{ location: '/States/Greet/Type', message: expect.stringContaining('State "Greet" has no Type') }]],
  ['an unknown QueryLanguage', machine({ Greet: { Type: 'Pass', QueryLanguage: 'SQL', End: true } }), [{ location: '/States/Greet/QueryLanguage', message: 'State "Greet" has the QueryLanguage "SQL": it must be JSONPath or JSONata' }]],
  ['a Task without Resource', machine({ Train: { Type: 'Task', End: true } }), [{ location: '/States/Train', message: 'These fields are required: [Resource] in Task state "Train"' }]],
  ['a Choice without Choices', machine({ Pick: { Type: 'Choice', Default: 'Done' }, Done: { Type: 'Succeed' } }), [{ location: '/States/Pick', message: 'These fields are required: [Choices] in Choice state "Pick"' }]],
  ['a Map without a processor', machine({ Each: { Type: 'Map', End: true } }), [{ code: 'MAP_ITEM_PROCESSOR', message: 'State "Each" MUST contain exactly one of "ItemProcessor", "Iterator"' }]],
  ['a field the type does not have', machine({ Greet: { Type: 'Pass', Resource: lambda, End: true } }), [{ location: '/States/Greet', message: `The field 'Resource' is not supported by Step Functions in Pass state "Greet"` }]],
  ['a bad path: only the path', machine({ Greet: { Type: 'Pass', InputPath: 'nope', End: true } }), [{ location: '/States/Greet/InputPath', message: expect.stringContaining('/States/Greet/InputPath is invalid') }]],
  ['a bad Type inside a Map', machine({ Each: { Type: 'Map', ItemProcessor: { StartAt: 'Double', States: { Double: { Type: 'Pas', End: true } } }, End: true } }), [{ location: '/States/Each/ItemProcessor/States/Double/Type', message: expect.stringContaining('State "Double" has the Type "Pas"') }]],
  ['no terminal state', machine({ A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } }), [{ code: 'MISSING_TERMINAL_STATE', location: '/States', message: 'The state machine has no terminal state: a state with "End": true, or a Succeed or Fail state' }]],
  [
    'no terminal state in a branch',
    machine({ Both: { Type: 'Parallel', End: true, Branches: [{ StartAt: 'Loop', States: { Loop: { Type: 'Pass', Next: 'Loop' } } }] } }),
    [{ code: 'MISSING_TERMINAL_STATE', location: '/States/Both/Branches/0/States', message: expect.stringContaining('The states of /States/Both/Branches/0 have no terminal state') }],
  ],
];

test.each(cases)('%s', (_, definition, expected) => {
  const { result, diagnostics } = validateDefinition(definition);
  expect(result).toBe('FAIL');
  expect(diagnostics).toEqual(expected.map((d) => expect.objectContaining({ severity: 'ERROR', ...d })));
});

test.each(cases)('%s: no message names an internal machine', (_, definition) => {
  for (const d of validateDefinition(definition).diagnostics) expect(d.message).not.toMatch(/\bfsm\d/);
});

test('a valid definition stays valid', () => {
  expect(validateDefinition(machine({ Train: { Type: 'Task', Resource: lambda, End: true } }))).toEqual({ result: 'OK', diagnostics: [] });
});
