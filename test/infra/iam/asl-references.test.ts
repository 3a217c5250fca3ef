import type { StateMachineDefinition } from '../../../src/asl/definition';
import { aslReferences, UnresolvableReferenceError } from '../../../infra/iam/asl-references';
import { child, parent } from '../../fixtures/example-package';

describe('aslReferences', () => {
  test('finds functions, started state machines, events and .sync waits in nested states', () => {
    expect(aslReferences(parent.definition())).toEqual({
      functionNames: ['fixture-prepare', 'fixture-score'],
      stateMachineArns: ['arn:aws:states:us-east-1:123456789012:stateMachine:fixture-child'],
      waitsForChildren: true,
      events: [{ eventBusName: 'default', source: 'statecraft.fixture-parent' }],
      distributedMap: false,
    });
    expect(aslReferences(child.definition())).toEqual({ functionNames: ['fixture-fit', 'fixture-score'], stateMachineArns: [], waitsForChildren: false, events: [], distributedMap: false });
  });

  const task = (resource: string, args: Record<string, unknown>, queryLanguage: 'JSONata' | 'JSONPath' = 'JSONata'): StateMachineDefinition =>
    ({ QueryLanguage: queryLanguage, StartAt: 'T', States: { T: { Type: 'Task', Resource: resource, [queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters']: args, End: true } } }) as StateMachineDefinition;

  test.each([
    ['a JSONata FunctionName', task('arn:aws:states:::lambda:invoke', { FunctionName: '{% $states.input.fn %}' }), 'FunctionName'],
    ['a JSONPath FunctionName.$', task('arn:aws:states:::lambda:invoke', { 'FunctionName.$': '$.fn' }, 'JSONPath'), 'FunctionName'],
    ['a computed StateMachineArn', task('arn:aws:states:::states:startExecution', { StateMachineArn: '{% $arn %}' }), 'StateMachineArn'],
    ['computed Entries', task('arn:aws:states:::events:putEvents', { Entries: '{% $entries %}' }), 'Entries'],
    ['a computed event Source', task('arn:aws:states:::events:putEvents', { Entries: [{ Source: '{% $s %}', DetailType: 'x', Detail: {} }] }), 'Source'],
  ])('refuses %s: no least privilege can be derived', (_what, definition, field) => {
    expect(() => aslReferences(definition)).toThrow(UnresolvableReferenceError);
    expect(() => aslReferences(definition)).toThrow(new RegExp(`state "T": ${field}`));
  });

  test('names the bus an event entry puts on, and sees a Distributed Map', () => {
    const definition = {
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'E',
            States: { E: { Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', Arguments: { Entries: [{ Source: 's', EventBusName: 'ml', DetailType: 'd', Detail: {} }] }, End: true } },
          },
          End: true,
        },
      },
    } as StateMachineDefinition;
    expect(aslReferences(definition)).toMatchObject({ events: [{ eventBusName: 'ml', source: 's' }], distributedMap: true });
  });
});
