import { Readable } from 'node:stream';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { type Harness, rawRequest, startHarness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.client.send(new CreateBucketCommand({ Bucket: 'raw' }));
});
afterAll(() => h.close());

async function read(key: string): Promise<string> {
  const got = await h.client.send(new GetObjectCommand({ Bucket: 'raw', Key: key }));
  return got.Body!.transformToString();
}

test('the SDK streaming a body of unknown length (aws-chunked with a checksum trailer) stores the payload', async () => {
  const body = Readable.from([Buffer.from('streamed '), Buffer.from('payload')]);
  await h.client.send(new PutObjectCommand({ Bucket: 'raw', Key: 'streamed', Body: body, ContentLength: 16 }));
  expect(await read('streamed')).toBe('streamed payload');
});

test('a signed aws-chunked upload stores the decoded payload and a clean Content-Encoding', async () => {
  const sig = 'chunk-signature=' + '0'.repeat(64);
  const framed = `4;${sig}\r\nabcd\r\n2;${sig}\r\nef\r\n0;${sig}\r\n\r\n`;
  const response = await rawRequest(h.endpoint, {
    method: 'PUT',
    path: '/raw/chunked',
    headers: {
      'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': '6',
      'content-length': String(framed.length),
    },
    body: framed,
  });
  expect(response.status).toBe(200);
  expect(response.headers.etag).toBe('"e80b5017098950fc58aad83c8c14978e"');
  const got = await h.client.send(new GetObjectCommand({ Bucket: 'raw', Key: 'chunked' }));
  expect(await got.Body!.transformToString()).toBe('abcdef');
  expect(got.ContentEncoding).toBeUndefined();
});

test('a truncated aws-chunked body is rejected and stores nothing', async () => {
  const response = await rawRequest(h.endpoint, {
    method: 'PUT',
    path: '/raw/truncated',
    headers: { 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'content-encoding': 'aws-chunked' },
    body: '10\r\nonly-a-few',
  });
  expect(response.status).toBe(400);
  expect(response.body).toContain('<Code>IncompleteBody</Code>');
  const missing = await rawRequest(h.endpoint, { method: 'HEAD', path: '/raw/truncated' });
  expect(missing.status).toBe(404);
});

test('the error document has S3 fields', async () => {
  const response = await rawRequest(h.endpoint, { method: 'GET', path: '/raw/missing%20key' });
  expect(response.status).toBe(404);
  expect(response.headers['content-type']).toBe('application/xml');
  expect(response.body).toMatch(
    /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>NoSuchKey<\/Code><Message>The specified key does not exist.<\/Message><Resource>\/raw\/missing key<\/Resource><RequestId>[A-Z0-9]{16}<\/RequestId><\/Error>$/,
  );
  expect(response.headers['x-amz-request-id']).toMatch(/^[A-Z0-9]{16}$/);
});

test.each([
  ['bad percent-encoding in the key', 'GET', '/raw/%E0%A4%A', undefined, 400, 'InvalidURI'],
  ['DeleteObjects with garbage', 'POST', '/raw?delete', 'not xml at all', 400, 'MalformedXML'],
  ['DeleteObjects without objects', 'POST', '/raw?delete', '<Delete></Delete>', 400, 'MalformedXML'],
  ['complete with a broken document', 'POST', '/raw/k?uploadId=abc', '<CompleteMultipartUpload><Part>', 400, 'MalformedXML'],
  ['complete of an unknown upload', 'POST', '/raw/k?uploadId=abc', '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"x"</ETag></Part></CompleteMultipartUpload>', 404, 'NoSuchUpload'],
  ['a part number out of range', 'PUT', '/raw/k?uploadId=abc&partNumber=0', 'x', 400, 'InvalidArgument'],
  ['a bad Content-MD5', 'PUT', '/raw/k', 'x', 400, 'InvalidDigest'],
  ['a copy source without a key', 'PUT', '/raw/k', '', 400, 'InvalidArgument'],
  ['an unsupported method', 'PATCH', '/raw/k', undefined, 405, 'MethodNotAllowed'],
  ['an unsupported subresource', 'GET', '/raw?versioning', undefined, 501, 'NotImplemented'],
  ['a POST to a bucket without a subresource', 'POST', '/raw', 'x', 405, 'MethodNotAllowed'],
])('%s answers %s', async (name, method, path, body, status, code) => {
  const headers: Record<string, string> = {};
  if (name.includes('Content-MD5')) headers['content-md5'] = 'not-a-digest';
  if (name.includes('copy source')) headers['x-amz-copy-source'] = 'raw';
  const response = await rawRequest(h.endpoint, { method, path, headers, body });
  expect(response.status).toBe(status);
  expect(response.body).toContain(`<Code>${code}</Code>`);
});

test('the server keeps serving after malformed requests', async () => {
  await h.client.send(new PutObjectCommand({ Bucket: 'raw', Key: 'still-alive', Body: 'yes' }));
  expect(await read('still-alive')).toBe('yes');
});
