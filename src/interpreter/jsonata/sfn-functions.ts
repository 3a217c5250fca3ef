/**
 * The functions Step Functions adds to JSONata, and the one it removes (`$eval`).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html#jsonata-functions-provided-by-sfn
 */
import { createHash, randomUUID } from 'node:crypto';
import type jsonata from 'jsonata';
import { JavaRandom } from '../java-random';
import { invalidArgument, signatureMismatch } from './jsonata-error';

const HASH_ALGORITHMS: Record<string, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

export function registerStepFunctionsFunctions(expression: jsonata.Expression): void {
  // Bound to nothing rather than removed: calling it then fails with jsonata's own T1006.
  expression.assign('eval', undefined);
  expression.registerFunction('partition', partition);
  expression.registerFunction('range', range);
  expression.registerFunction('hash', hash);
  expression.registerFunction('random', random);
  expression.registerFunction('uuid', uuid);
  expression.registerFunction('parse', parse);
}

/** AWS checks arity itself and names the first argument too many. */
function rejectSurplus(name: string, args: unknown[], arity: number): void {
  if (args.length > arity && args[arity] !== undefined) throw signatureMismatch(name, arity + 1);
}

/** AWS truncates a fractional integer argument towards zero. */
function integerArgument(name: string, value: unknown, argumentNumber: number): number {
  if (typeof value !== 'number') throw signatureMismatch(name, argumentNumber);
  return Math.trunc(value);
}

function partition(...args: unknown[]): unknown {
  rejectSurplus('partition', args, 2);
  const [array, size] = args;
  if (array === undefined) return undefined;
  if (!Array.isArray(array)) throw { code: 'T0412', index: 1, token: 'partition' };
  if (array.length === 0) return undefined;
  if (size === undefined) return [[...array]];
  const chunkSize = integerArgument('partition', size, 2);
  if (chunkSize < 0) throw invalidArgument('Second argument must be zero or greater');
  if (chunkSize === 0) return undefined;
  const chunks: unknown[][] = [];
  for (let start = 0; start < array.length; start += chunkSize) {
    chunks.push(array.slice(start, start + chunkSize));
  }
  return chunks;
}

/**
 * Returned as a jsonata sequence, so a one-element range collapses to its value as AWS does
 * (`$range(1, 9, 9)` is `1`) and an empty one is nothing.
 */
function range(...args: unknown[]): unknown {
  rejectSurplus('range', args, 3);
  const start = integerArgument('range', args[0], 1);
  const end = integerArgument('range', args[1], 2);
  if (args[2] === undefined) return undefined;
  const step = integerArgument('range', args[2], 3);
  if (step === 0 || (step > 0 && start > end) || (step < 0 && start < end)) return undefined;
  const values: number[] & { sequence?: boolean } = [];
  for (let value = start; step > 0 ? value <= end : value >= end; value += step) values.push(value);
  values.sequence = true;
  return values;
}

function hash(...args: unknown[]): unknown {
  rejectSurplus('hash', args, 2);
  const [value, algorithm] = args;
  if (typeof value !== 'string') throw signatureMismatch('hash', 1);
  if (algorithm === undefined) return undefined;
  if (typeof algorithm !== 'string') throw signatureMismatch('hash', 2);
  const nodeAlgorithm = HASH_ALGORITHMS[algorithm];
  if (nodeAlgorithm === undefined) {
    throw invalidArgument(`Hash algorithm '${algorithm}' must be one of SHA-1, SHA-384, SHA-256, SHA-512, MD5`);
  }
  return createHash(nodeAlgorithm).update(value, 'utf8').digest('hex');
}

function random(...args: unknown[]): number {
  rejectSurplus('random', args, 1);
  if (args[0] === undefined) return Math.random();
  return new JavaRandom(BigInt(integerArgument('random', args[0], 1))).nextDouble();
}

function uuid(...args: unknown[]): string {
  rejectSurplus('uuid', args, 0);
  return randomUUID();
}

function parse(...args: unknown[]): unknown {
  rejectSurplus('parse', args, 1);
  const [text] = args;
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw signatureMismatch('parse', 1);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidArgument('Invalid JSON');
  }
}
