import { createHash } from 'node:crypto';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketNotificationConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { ACCOUNT, type Harness, REGION, rawRequest, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.client.send(new CreateBucketCommand({ Bucket: 'notified' }));
});
afterAll(() => h.close());
beforeEach(() => h.events.splice(0));

const md5 = (content: string) => createHash('md5').update(content).digest('hex');

async function setEventBridge(enabled: boolean): Promise<void> {
  await h.client.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: 'notified',
      NotificationConfiguration: enabled ? { EventBridgeConfiguration: {} } : {},
    }),
  );
}

test('EventBridge notification configuration is stored and read back', async () => {
  const initially = await h.client.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'notified' }));
  expect(initially.EventBridgeConfiguration).toBeUndefined();
  await setEventBridge(true);
  const enabled = await h.client.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'notified' }));
  expect(enabled.EventBridgeConfiguration).toEqual({});
  await setEventBridge(false);
  const disabled = await h.client.send(new GetBucketNotificationConfigurationCommand({ Bucket: 'notified' }));
  expect(disabled.EventBridgeConfiguration).toBeUndefined();
});

test('SNS/SQS/Lambda destinations cannot be validated locally', async () => {
  const attempt = h.client.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: 'notified',
      NotificationConfiguration: { QueueConfigurations: [{ QueueArn: 'arn:aws:sqs:eu-central-1:123456789012:q', Events: ['s3:ObjectCreated:*'] }] },
    }),
  );
  await expect(attempt).rejects.toMatchObject({ name: 'InvalidArgument' });
});

test('puts, copies, multipart completes and deletes send the exact S3 event shapes', async () => {
  await setEventBridge(true);
  const put = await h.client.send(new PutObjectCommand({ Bucket: 'notified', Key: 'datasets/kfold/iris.csv', Body: 'a,b\n' }));
  await h.client.send(new CopyObjectCommand({ Bucket: 'notified', Key: 'copy.csv', CopySource: 'notified/datasets/kfold/iris.csv' }));
  const upload = await h.client.send(new CreateMultipartUploadCommand({ Bucket: 'notified', Key: 'mp.bin' }));
  const part = await h.client.send(
    new UploadPartCommand({ Bucket: 'notified', Key: 'mp.bin', UploadId: upload.UploadId, PartNumber: 1, Body: 'xyz' }),
  );
  const completed = await h.client.send(
    new CompleteMultipartUploadCommand({
      Bucket: 'notified',
      Key: 'mp.bin',
      UploadId: upload.UploadId,
      MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
    }),
  );
  await h.client.send(new DeleteObjectCommand({ Bucket: 'notified', Key: 'copy.csv' }));
  await h.client.send(new DeleteObjectsCommand({ Bucket: 'notified', Delete: { Objects: [{ Key: 'mp.bin' }] } }));

  const envelope = (detailType: string) => ({
    version: '0',
    id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
    'detail-type': detailType,
    source: 'aws.s3',
    account: ACCOUNT,
    time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
    region: REGION,
    resources: ['arn:aws:s3:::notified'],
  });
  const requestFields = {
    'request-id': expect.stringMatching(/^[A-Z0-9]{16}$/),
    requester: ACCOUNT,
    'source-ip-address': '127.0.0.1',
  };
  const sequencer = expect.stringMatching(/^[0-9A-F]+$/);
  const created = (key: string, size: number, etag: string, reason: string) => ({
    ...envelope('Object Created'),
    detail: { version: '0', bucket: { name: 'notified' }, object: { key, size, etag, sequencer }, ...requestFields, reason },
  });
  const deleted = (key: string, etag: string) => ({
    ...envelope('Object Deleted'),
    detail: {
      version: '0',
      bucket: { name: 'notified' },
      object: { key, etag, sequencer },
      ...requestFields,
      reason: 'DeleteObject',
      'deletion-type': 'Permanently Deleted',
    },
  });
  const multipartEtag = completed.ETag!.replace(/"/g, '');
  expect(h.events).toEqual([
    created('datasets/kfold/iris.csv', 4, md5('a,b\n'), 'PutObject'),
    created('copy.csv', 4, md5('a,b\n'), 'CopyObject'),
    created('mp.bin', 3, multipartEtag, 'CompleteMultipartUpload'),
    deleted('copy.csv', md5('a,b\n')),
    deleted('mp.bin', multipartEtag),
  ]);
  expect(put.ETag).toBe(`"${md5('a,b\n')}"`);
});

test('no events once EventBridge is switched off', async () => {
  await setEventBridge(false);
  await h.client.send(new PutObjectCommand({ Bucket: 'notified', Key: 'quiet', Body: 'x' }));
  expect(h.events).toEqual([]);
});

test('a malformed notification document is MalformedXML', async () => {
  const response = await rawRequest(h.endpoint, { method: 'PUT', path: '/notified?notification', body: '<Notification' });
  expect(response.status).toBe(400);
  expect(response.body).toContain('<Code>MalformedXML</Code>');
});
