import { busNameOf } from '../../../src/events/bus/arns';
import { buildEvent, entrySize } from '../../../src/events/bus/put-events';

test.each([
  ['Source, DetailType and Detail in UTF-8 bytes', { Source: 'ab', DetailType: 'cd', Detail: '{"é":1}' }, 2 + 2 + 8],
  ['a Time counts 14 bytes', { Source: 'a', Time: new Date() }, 1 + 14],
  ['each Resource counts', { Source: 'a', Resources: ['xy', 'z'] }, 1 + 3],
  ['nothing', {}, 0],
])('entry size: %s', (_, entry, size) => {
  expect(entrySize(entry)).toBe(size);
});

test.each([
  [undefined, 'default'],
  ['', 'default'],
  ['orders', 'orders'],
  ['arn:aws:events:eu-west-1:123456789012:event-bus/orders', 'orders'],
])('bus name of %p is %p', (given, name) => {
  expect(busNameOf(given)).toBe(name);
});

test('an event built from an entry: second-precision time, empty resources, the parsed detail', () => {
  const outcome = buildEvent(
    { Source: 's', DetailType: 'd', Detail: '{"a":[1]}', Time: new Date(Date.UTC(2024, 1, 2, 3, 4, 5, 678)) },
    { location: { region: 'eu-west-1', account: '123' }, nowMs: 0, newId: () => 'id', busExists: () => true },
  );
  expect(outcome).toEqual({
    ok: true,
    bus: 'default',
    event: { version: '0', id: 'id', 'detail-type': 'd', source: 's', account: '123', time: '2024-02-02T03:04:05Z', region: 'eu-west-1', resources: [], detail: { a: [1] } },
  });
});

test('AWS services may publish aws.* sources; callers of PutEvents may not', () => {
  const entry = { Source: 'aws.s3', DetailType: 'd', Detail: '{}' };
  const context = { location: { region: 'r', account: 'a' }, nowMs: 0, newId: () => 'id', busExists: () => true };
  expect(buildEvent(entry, context).ok).toBe(false);
  expect(buildEvent(entry, { ...context, allowAwsSource: true }).ok).toBe(true);
});
