import { createHash } from 'node:crypto';
import type { S3EventBridgeEvent } from '../../src/objects';
import { body, openStore } from './helpers';

const md5 = (content: string) => createHash('md5').update(content).digest('hex');
const NOW = new Date('2024-05-01T12:34:56.789Z');

async function storeWithEvents() {
  const events: S3EventBridgeEvent[] = [];
  const store = await openStore({ region: 'eu-west-1', account: '123456789012', now: () => NOW, onEvent: (e) => events.push(e) });
  store.createBucket('notify');
  store.setEventBridgeNotifications('notify', true);
  return { store, events };
}

const context = { requestId: 'REQ0000000000001', sourceIp: '127.0.0.1', requester: '123456789012' };

function envelope(detailType: string) {
  return {
    version: '0',
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    'detail-type': detailType,
    source: 'aws.s3',
    account: '123456789012',
    time: '2024-05-01T12:34:56Z',
    region: 'eu-west-1',
    resources: ['arn:aws:s3:::notify'],
  };
}

test('PutObject, CopyObject and DeleteObject send S3 EventBridge events', async () => {
  const { store, events } = await storeWithEvents();
  await store.putObject('notify', 'in/a.csv', body('hello'), {}, { context });
  await store.copyObject({ bucket: 'notify', key: 'in/a.csv' }, { bucket: 'notify', key: 'in/b.csv' }, undefined, { context });
  await store.deleteObject('notify', 'in/a.csv', context);
  const common = { 'request-id': context.requestId, requester: '123456789012', 'source-ip-address': '127.0.0.1' };
  expect(events).toEqual([
    {
      ...envelope('Object Created'),
      detail: {
        version: '0',
        bucket: { name: 'notify' },
        object: { key: 'in/a.csv', size: 5, etag: md5('hello'), sequencer: expect.stringMatching(/^[0-9A-F]{18}$/) },
        ...common,
        reason: 'PutObject',
      },
    },
    {
      ...envelope('Object Created'),
      detail: expect.objectContaining({ object: expect.objectContaining({ key: 'in/b.csv', etag: md5('hello') }), reason: 'CopyObject' }),
    },
    {
      ...envelope('Object Deleted'),
      detail: {
        version: '0',
        bucket: { name: 'notify' },
        object: { key: 'in/a.csv', etag: md5('hello'), sequencer: expect.stringMatching(/^[0-9A-F]{18}$/) },
        ...common,
        reason: 'DeleteObject',
        'deletion-type': 'Permanently Deleted',
      },
    },
  ]);
  const sequencers = events.map((event) => (event.detail.object as { sequencer: string }).sequencer);
  expect([...sequencers].sort()).toEqual(sequencers);
  expect(new Set(sequencers).size).toBe(3);
  store.close();
});

test('CompleteMultipartUpload sends one event with the multipart ETag', async () => {
  const { store, events } = await storeWithEvents();
  const upload = store.createMultipartUpload('notify', 'mp');
  const target = { bucket: 'notify', key: 'mp', uploadId: upload.uploadId };
  const part = await store.uploadPart(target, 1, body('only part'));
  const meta = await store.completeMultipartUpload(target, [{ partNumber: 1, etag: part.etag }]);
  expect(events).toHaveLength(1);
  expect(events[0].detail).toMatchObject({
    reason: 'CompleteMultipartUpload',
    object: { key: 'mp', size: 9, etag: meta.etag.replace(/"/g, '') },
  });
  expect(meta.etag).toMatch(/-1"$/);
  store.close();
});

test('no events while notifications are off, nor for deletes of missing keys', async () => {
  const { store, events } = await storeWithEvents();
  await store.deleteObject('notify', 'never-existed');
  store.setEventBridgeNotifications('notify', false);
  await store.putObject('notify', 'k', body('x'));
  expect(events).toEqual([]);
  store.close();
});

test('a throwing listener does not fail the write', async () => {
  const store = await openStore({ onEvent: () => { throw new Error('subscriber down'); } });
  store.createBucket('notify');
  store.setEventBridgeNotifications('notify', true);
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await expect(store.putObject('notify', 'k', body('x'))).resolves.toMatchObject({ size: 1 });
  expect(spy).toHaveBeenCalled();
  spy.mockRestore();
  store.close();
});
