import { resolveResource } from '../../../src/interpreter/integrations/resources';
import type { Json } from '../../../src/asl/json';
import type { EventPublisher } from '../../../src/interpreter/integrations/services';
import { runMachine } from '../run-machine';
import { single } from '../states/support';

test.each([
  ['arn:aws:lambda:us-east-1:123456789012:function:f', 'lambda', false],
  ['arn:aws:states:::lambda:invoke', 'lambda', false],
  ['arn:aws:states:::lambda:invoke.waitForTaskToken', 'lambda', true],
  ['arn:aws:states:::states:startExecution.sync:2', 'states', false],
  ['arn:aws:states:::events:putEvents', 'events', false],
])('%s is a %s resource (callback: %s)', (arn, type, callback) => {
  const resolved = resolveResource(arn);
  expect(resolved.target.resourceType).toBe(type);
  expect(resolved.callback).toBe(callback);
});

test.each(['arn:aws:states:::sqs:sendMessage', 'not-an-arn'])('%s is not supported: States.Runtime', (arn) => {
  expect(() => resolveResource(arn)).toThrow(expect.objectContaining({ error: 'States.Runtime' }));
});

test('events:putEvents hands the entries to the host, with the execution that sent them', async () => {
  const sent: { entries: Json[]; from: string }[] = [];
  const events: EventPublisher = {
    async putEvents(entries, source) {
      sent.push({ entries, from: source.executionArn });
      return { Entries: [{ EventId: 'e1' }], FailedEntryCount: 0 };
    },
  };
  const run = await runMachine(
    single({ Type: 'Task', Resource: 'arn:aws:states:::events:putEvents', Parameters: { Entries: [{ Source: 'app', DetailType: 't', 'Detail.$': '$' }] } }),
    { k: 1 },
    { services: { events } },
  );
  expect(run).toMatchObject({ status: 'SUCCEEDED', output: { Entries: [{ EventId: 'e1' }], FailedEntryCount: 0 } });
  expect(sent).toEqual([{ entries: [{ Source: 'app', DetailType: 't', Detail: { k: 1 } }], from: expect.stringContaining(':execution:') }]);
});
