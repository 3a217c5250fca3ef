import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeStateMachineCommand,
  ListStateMachinesCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
} from '@aws-sdk/client-sfn';
import { ROLE, definition, errorOf, startHarness, type Harness } from './sfn-harness';

const PASS = definition({ P: { Type: 'Pass', End: true } });

describe('state machine operations over HTTP', () => {
  let h: Harness;
  beforeEach(async () => (h = await startHarness()));
  afterEach(() => h.close());

  const create = (name: string, def = PASS, type?: 'STANDARD' | 'EXPRESS') =>
    h.sfn.send(new CreateStateMachineCommand({ name, definition: def, roleArn: ROLE, type }));

  test('create then describe returns the definition verbatim with dates as Dates', async () => {
    const created = await create('machine-1');
    expect(created.stateMachineArn).toBe('arn:aws:states:us-east-1:000000000000:stateMachine:machine-1');
    expect(created.creationDate).toBeInstanceOf(Date);
    const described = await h.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
    expect(described).toMatchObject({ name: 'machine-1', definition: PASS, roleArn: ROLE, type: 'STANDARD', status: 'ACTIVE' });
    expect(described.creationDate!.getTime()).toBe(created.creationDate!.getTime());
  });

  test('creating the same machine twice is idempotent; a different definition is StateMachineAlreadyExists', async () => {
    const first = await create('same');
    const again = await create('same');
    expect(again.stateMachineArn).toBe(first.stateMachineArn);
    const err = await errorOf(create('same', definition({ Q: { Type: 'Succeed' } })));
    expect(err).toMatchObject({ name: 'StateMachineAlreadyExists', status: 400 });
  });

  test.each([
    ['missing transition target', definition({ A: { Type: 'Pass', Next: 'Nowhere' } }), /MISSING_TRANSITION_TARGET/],
    ['unknown field', definition({ A: { Type: 'Pass', End: true, Bogus: 1 } }), /\/States\/A/],
    ['not JSON', '{"StartAt": ', /INVALID_JSON_DESCRIPTION/],
  ])('an invalid definition (%s) is InvalidDefinition naming the problem', async (_, def, message) => {
    const err = await errorOf(create('bad', def));
    expect(err.name).toBe('InvalidDefinition');
    expect(err.message).toMatch(message);
  });

  test.each(['has space', 'a/b', 'x'.repeat(81), ''])('name %j is InvalidName', async (name) => {
    expect((await errorOf(create(name))).name).toBe('InvalidName');
  });

  test('update bumps the revision and changes the definition', async () => {
    const { stateMachineArn } = await create('upd');
    const next = definition({ S: { Type: 'Succeed' } });
    const updated = await h.sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: next }));
    expect(updated.updateDate).toBeInstanceOf(Date);
    const described = await h.sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(described.definition).toBe(next);
    expect(described.revisionId).toBe('2');
    expect((await errorOf(h.sfn.send(new UpdateStateMachineCommand({ stateMachineArn })))).name).toBe('ValidationException');
  });

  test('list pages through every machine with nextToken', async () => {
    for (let i = 0; i < 5; i++) await create(`m${i}`);
    const names: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await h.sfn.send(new ListStateMachinesCommand({ maxResults: 2, nextToken }));
      names.push(...page.stateMachines!.map((m) => m.name!));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    expect(names).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(pages).toBe(3);
  });

  test('delete removes the machine; describing it then is StateMachineDoesNotExist', async () => {
    const { stateMachineArn } = await create('gone');
    await h.sfn.send(new DeleteStateMachineCommand({ stateMachineArn }));
    const err = await errorOf(h.sfn.send(new DescribeStateMachineCommand({ stateMachineArn })));
    expect(err).toMatchObject({ name: 'StateMachineDoesNotExist', status: 400 });
  });

  test('a malformed ARN is InvalidArn', async () => {
    expect((await errorOf(h.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: 'nope' })))).name).toBe('InvalidArn');
  });

  test('ValidateStateMachineDefinition returns OK or every diagnostic with its location', async () => {
    expect(await h.sfn.send(new ValidateStateMachineDefinitionCommand({ definition: PASS }))).toMatchObject({ result: 'OK', diagnostics: [] });
    const failed = await h.sfn.send(new ValidateStateMachineDefinitionCommand({ definition: definition({ A: { Type: 'Pass', End: true, Bogus: 1 } }) }));
    expect(failed.result).toBe('FAIL');
    expect(failed.diagnostics![0]).toMatchObject({ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', location: '/States/A' });
  });
});
