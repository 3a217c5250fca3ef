import { createHash } from 'node:crypto';
import type { Json } from '../../../asl/json';
import type { IntrinsicArguments } from './arguments';

/** AWS's input limit for the encoding and hashing intrinsics. */
export const MAX_ENCODING_INPUT_CHARACTERS = 10000;

const HASH_ALGORITHMS: Readonly<Record<string, string>> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function base64Encode(args: IntrinsicArguments): Json {
  args.expectCount(1);
  return Buffer.from(limitedString(args, 0), 'utf8').toString('base64');
}

export function base64Decode(args: IntrinsicArguments): Json {
  args.expectCount(1);
  const encoded = limitedString(args, 0);
  if (!BASE64.test(encoded)) throw args.failure('the argument is not valid Base64');
  return Buffer.from(encoded, 'base64').toString('utf8');
}

export function hash(args: IntrinsicArguments): Json {
  args.expectCount(2);
  const data = limitedString(args, 0);
  const algorithm = HASH_ALGORITHMS[args.string(1)];
  if (!algorithm) {
    throw args.failure(`the hash algorithm must be one of ${Object.keys(HASH_ALGORITHMS).join(', ')}`);
  }
  return createHash(algorithm).update(data, 'utf8').digest('hex');
}

function limitedString(args: IntrinsicArguments, index: number): string {
  const text = args.string(index);
  if (text.length > MAX_ENCODING_INPUT_CHARACTERS) {
    throw args.failure(`the input exceeds the maximum of ${MAX_ENCODING_INPUT_CHARACTERS} characters`);
  }
  return text;
}
