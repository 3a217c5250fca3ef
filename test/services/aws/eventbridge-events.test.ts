import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { EventBridgeEvents } from '../../../src/services/aws/eventbridge-events';
import { TaskFailure } from '../../../src/services/errors';

const eventBridge = mockClient(EventBridgeClient);
const events = new EventBridgeEvents(new EventBridgeClient({ region: 'eu-west-1' }));
const registered = { source: 'statecraft.kfold-cv', detailType: 'ModelRegistered', detail: { modelName: 'iris', version: 3 } };

beforeEach(() => eventBridge.reset());

test.each([
  ['on the default bus when none is named', registered, { Source: 'statecraft.kfold-cv', DetailType: 'ModelRegistered', Detail: '{"modelName":"iris","version":3}' }],
  [
    'on the named bus',
    { ...registered, eventBusName: 'ml-events' },
    { Source: 'statecraft.kfold-cv', DetailType: 'ModelRegistered', Detail: '{"modelName":"iris","version":3}', EventBusName: 'ml-events' },
  ],
])('puts one entry %s, its detail as JSON text, and returns the event id', async (_where, event, entry) => {
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e-1' }] });
  await expect(events.put(event)).resolves.toBe('e-1');
  expect(eventBridge.commandCalls(PutEventsCommand).map((call) => call.args[0].input)).toEqual([{ Entries: [entry] }]);
});

describe('PutEvents answers 200 but rejects the entry: a task failure named after the entry error', () => {
  test.each([
    ['throttled', { FailedEntryCount: 1, Entries: [{ ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' }] }, 'ThrottlingException', 'Rate exceeded'],
    ['no error code given', { FailedEntryCount: 1, Entries: [{}] }, 'PutEventsFailed', 'no reason given'],
    ['no entry result at all', { FailedEntryCount: 0, Entries: [] }, 'PutEventsFailed', 'no reason given'],
  ])('%s', async (_what, response, name, reason) => {
    eventBridge.on(PutEventsCommand).resolves(response);
    const error = await events.put(registered).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(TaskFailure);
    expect(error).toMatchObject({ name, message: `EventBridge rejected the ModelRegistered event: ${reason}` });
  });
});

test('a failed request (the SDK throws) propagates unchanged', async () => {
  const denied = Object.assign(new Error('not authorized to perform events:PutEvents'), { name: 'AccessDeniedException' });
  eventBridge.on(PutEventsCommand).rejects(denied);
  await expect(events.put(registered)).rejects.toBe(denied);
});
