import { Readable } from 'node:stream';
import { AwsChunkedDecoder } from '../../../src/api/s3';

async function decode(pieces: Buffer[]): Promise<{ data: string; trailers: Record<string, string> }> {
  const decoder = new AwsChunkedDecoder();
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.from(pieces).pipe(decoder)) chunks.push(chunk as Buffer);
  return { data: Buffer.concat(chunks).toString(), trailers: decoder.trailers };
}

const SIG = 'chunk-signature=' + 'a'.repeat(64);

const CASES: [string, string, string, Record<string, string>][] = [
  [
    'signed chunks (STREAMING-AWS4-HMAC-SHA256-PAYLOAD)',
    `5;${SIG}\r\nhello\r\n6;${SIG}\r\n world\r\n0;${SIG}\r\n\r\n`,
    'hello world',
    {},
  ],
  [
    'unsigned chunks with a checksum trailer (STREAMING-UNSIGNED-PAYLOAD-TRAILER)',
    'b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n',
    'hello world',
    { 'x-amz-checksum-crc32': 'DUoRhQ==' },
  ],
  [
    'signed chunks with a trailer and trailer signature',
    `3;${SIG}\r\nabc\r\n0;${SIG}\r\nx-amz-checksum-sha256:abc=\r\nx-amz-trailer-signature:${'b'.repeat(64)}\r\n\r\n`,
    'abc',
    { 'x-amz-checksum-sha256': 'abc=', 'x-amz-trailer-signature': 'b'.repeat(64) },
  ],
  ['an empty payload', `0;${SIG}\r\n\r\n`, '', {}],
];

test.each(CASES)('%s, split at every byte', async (_name, framed, data, trailers) => {
  const bytes = Buffer.from(framed);
  for (let cut = 0; cut <= bytes.length; cut += 1) {
    const decoded = await decode([bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect(decoded).toEqual({ data, trailers });
  }
});

test.each([
  ['a non-hex chunk size', 'zz\r\nabc\r\n0\r\n\r\n'],
  ['a missing CRLF after the data', '3\r\nabcdef\r\n0\r\n\r\n'],
  ['a body that ends inside a chunk', '10\r\nabc'],
  ['an endless chunk header', 'f'.repeat(20000)],
])('%s is an IncompleteBody error', async (_name, framed) => {
  await expect(decode([Buffer.from(framed)])).rejects.toMatchObject({ code: 'IncompleteBody' });
});
