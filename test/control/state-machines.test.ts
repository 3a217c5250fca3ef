import type { CreateStateMachineInput, UpdateStateMachineInput } from '@aws-sdk/client-sfn';
import { VirtualClock } from '../../src/clock/clock';
import { SfnApiError } from '../../src/control/errors';
import { requiredString, StateMachines } from '../../src/control/state-machines';
import { openDatabase, StateMachineStore } from '../../src/store';

const loc = { region: 'us-east-1', account: '000000000000' };
const definition = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
const other = JSON.stringify({ StartAt: 'Q', States: { Q: { Type: 'Succeed' } } });
const roleArn = 'arn:aws:iam::000000000000:role/sfn';
const arnOf = (name: string): string => `arn:aws:states:us-east-1:000000000000:stateMachine:${name}`;

function errorOf(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (err) {
    if (err instanceof SfnApiError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected an error');
}

describe('StateMachines', () => {
  let clock: VirtualClock;
  let machines: StateMachines;
  beforeEach(() => {
    clock = new VirtualClock(Date.UTC(2026, 0, 1));
    machines = new StateMachines(new StateMachineStore(openDatabase()), clock, loc);
  });

  test('create then describe reports every field DescribeStateMachine has', () => {
    expect(machines.create({ name: 'sm', definition, roleArn, type: 'EXPRESS' })).toEqual({ stateMachineArn: arnOf('sm'), creationDate: new Date(Date.UTC(2026, 0, 1)) });
    expect(machines.describe(arnOf('sm'))).toEqual({
      stateMachineArn: arnOf('sm'),
      name: 'sm',
      status: 'ACTIVE',
      definition,
      roleArn,
      type: 'EXPRESS',
      creationDate: new Date(Date.UTC(2026, 0, 1)),
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
      tracingConfiguration: { enabled: false },
      revisionId: '1',
    });
  });

  test('the type defaults to STANDARD', () => {
    machines.create({ name: 'sm', definition, roleArn });
    expect(machines.describe(arnOf('sm')).type).toBe('STANDARD');
  });

  test.each<[string, Record<string, unknown>, string, string]>([
    ['a missing name', { definition, roleArn }, 'ValidationException', "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null"],
    ['a missing definition', { name: 'sm', roleArn }, 'ValidationException', "1 validation error detected: Value null at 'definition' failed to satisfy constraint: Member must not be null"],
    ['a missing roleArn', { name: 'sm', definition }, 'ValidationException', "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null"],
    ['a bad name', { name: 'a/b', definition, roleArn }, 'InvalidName', "Invalid Name: 'a/b'"],
    ['an unknown type', { name: 'sm', definition, roleArn, type: 'BATCH' }, 'ValidationException', "Value 'BATCH' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]"],
  ])('create refuses %s', (_name, input, code, message) => {
    expect(errorOf(() => machines.create(input as unknown as CreateStateMachineInput))).toEqual({ code, message });
  });

  test('create refuses an invalid definition with InvalidDefinition', () => {
    expect(errorOf(() => machines.create({ name: 'sm', definition: '{"StartAt":"X","States":{}}', roleArn })).code).toBe('InvalidDefinition');
  });

  test('the same create again is idempotent, with the first creation date; a different role or type is StateMachineAlreadyExists', async () => {
    const first = machines.create({ name: 'sm', definition, roleArn });
    await clock.advance(86_400_000);
    expect(machines.create({ name: 'sm', definition, roleArn })).toEqual(first);
    const exists = { code: 'StateMachineAlreadyExists', message: `State Machine Already Exists: '${arnOf('sm')}'` };
    expect(errorOf(() => machines.create({ name: 'sm', definition: other, roleArn }))).toEqual(exists);
    expect(errorOf(() => machines.create({ name: 'sm', definition, roleArn: `${roleArn}2` }))).toEqual(exists);
    expect(errorOf(() => machines.create({ name: 'sm', definition, roleArn, type: 'EXPRESS' }))).toEqual(exists);
  });

  test('update changes the definition or the role and bumps the revision', () => {
    machines.create({ name: 'sm', definition, roleArn });
    expect(machines.update({ stateMachineArn: arnOf('sm'), definition: other }).revisionId).toBe('2');
    expect(machines.update({ stateMachineArn: arnOf('sm'), roleArn: `${roleArn}2` }).revisionId).toBe('3');
    expect(machines.describe(arnOf('sm'))).toMatchObject({ definition: other, roleArn: `${roleArn}2`, revisionId: '3' });
  });

  test.each<[string, Record<string, unknown>, string, string]>([
    ['neither definition nor role', { stateMachineArn: arnOf('sm') }, 'ValidationException', 'Either the definition or the roleArn must be specified'],
    ['an unknown machine', { stateMachineArn: arnOf('nope'), definition }, 'StateMachineDoesNotExist', `State Machine Does Not Exist: '${arnOf('nope')}'`],
    ['an execution ARN', { stateMachineArn: 'arn:aws:states:us-east-1:000000000000:execution:sm:x', definition }, 'InvalidArn', "Invalid Arn: 'Resource type not valid in this context: arn:aws:states:us-east-1:000000000000:execution:sm:x'"],
  ])('update refuses %s', (_name, input, code, message) => {
    machines.create({ name: 'sm', definition, roleArn });
    expect(errorOf(() => machines.update(input as unknown as UpdateStateMachineInput))).toEqual({ code, message });
  });

  test('an update with an invalid definition changes nothing', () => {
    machines.create({ name: 'sm', definition, roleArn });
    expect(errorOf(() => machines.update({ stateMachineArn: arnOf('sm'), definition: '[]' })).code).toBe('InvalidDefinition');
    expect(machines.describe(arnOf('sm'))).toMatchObject({ definition, revisionId: '1' });
  });

  test('delete of an unknown machine succeeds silently; of a malformed ARN is InvalidArn', () => {
    expect(() => machines.delete(arnOf('nope'))).not.toThrow();
    expect(errorOf(() => machines.delete('sm')).code).toBe('InvalidArn');
  });

  test('list pages with nextToken and reports the summary fields', () => {
    for (const name of ['a', 'b', 'c']) machines.create({ name, definition, roleArn });
    const first = machines.list({ maxResults: 2 });
    expect(first.stateMachines).toHaveLength(2);
    expect(first.nextToken).toEqual(expect.any(String));
    const second = machines.list({ maxResults: 2, nextToken: first.nextToken });
    expect(second).toEqual({ stateMachines: [expect.objectContaining({ type: 'STANDARD', creationDate: expect.any(Date) })] });
    expect([...first.stateMachines!, ...second.stateMachines!].map((m) => m.name).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('requiredString', () => {
  test.each([null, undefined, 3, {}])('%p is a ValidationException naming the field', (value) => {
    expect(errorOf(() => requiredString(value, 'roleArn'))).toEqual({
      code: 'ValidationException',
      message: "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null",
    });
  });
});
