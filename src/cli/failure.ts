/**
 * What a person sees when a command fails: one line for every failure we expect (a usage mistake,
 * a missing file, no server, a port in use, an AWS error), and for anything else one line with the
 * path of a log file that holds the stack.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './args';

export interface Failure {
  message: string;
  exitCode: number;
  /** Print the command's usage line after the message. */
  usage?: boolean;
}

/** Where the failure happened: the endpoint a client command talked to. */
export interface FailureContext {
  endpoint: string;
}

export function describeFailure(err: unknown, context: FailureContext): Failure {
  if (err instanceof UsageError) return { message: err.message, exitCode: 2, usage: !err.message.startsWith('usage:') };
  const code = errorCode(err);
  // node:util parseArgs: an unknown option, a missing value, an unexpected argument.
  if (code?.startsWith('ERR_PARSE_ARGS_')) return { message: (err as Error).message, exitCode: 2, usage: true };
  if (code === 'ECONNREFUSED') return { message: `nothing answers on ${context.endpoint} — start it with npm start`, exitCode: 1 };
  if (code === 'EADDRINUSE') return { message: `${addressOf(err)} is already in use — is another statecraft serve running? Choose another with --port`, exitCode: 1 };
  if ((code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') && pathOf(err)) {
    return { message: `${pathOf(err)}: ${FILE_PROBLEMS[code]}`, exitCode: 1 };
  }
  // AWS errors (ValidationException, ExecutionDoesNotExist …) and the project's own named errors.
  if (err instanceof Error && err.name !== 'Error' && err.name !== 'TypeError' && err.name !== 'RangeError' && err.name !== 'ReferenceError') {
    return { message: err.message, exitCode: 1 };
  }
  const log = writeLog(err);
  const text = err instanceof Error ? err.message : String(err);
  return { message: `unexpected error: ${text.split('\n')[0]} (details in ${log})`, exitCode: 1 };
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
};

/** Node's code, also on an AggregateError (a host name with several addresses) and on errors the SDK copied across realms. */
function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const own = (err as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  const inner = (err as { errors?: unknown[] }).errors?.map(errorCode).find(Boolean);
  if (inner) return inner;
  return /\b(ECONNREFUSED|EADDRINUSE)\b/.exec((err as Error).message ?? '')?.[1];
}

function pathOf(err: unknown): string | undefined {
  const path = (err as { path?: unknown }).path;
  return typeof path === 'string' ? path : undefined;
}

function addressOf(err: unknown): string {
  const { address, port } = err as { address?: string; port?: number };
  return address !== undefined && port !== undefined ? `${address}:${port}` : 'the port';
}

function writeLog(err: unknown): string {
  const file = join(tmpdir(), `statecraft-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.log`);
  const detail = err instanceof Error ? (err.stack ?? err.message) : JSON.stringify(err);
  try {
    writeFileSync(file, `statecraft ${process.argv.slice(2).join(' ')}\n${detail}\n`);
    return file;
  } catch {
    return 'no log: the temp directory is not writable';
  }
}
