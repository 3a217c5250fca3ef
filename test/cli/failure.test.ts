/** How a failure reads: one line for every expected kind, and a log file with the stack for the rest. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { UsageError } from '../../src/cli/args';
import { describeFailure } from '../../src/cli/failure';

const context = { endpoint: 'http://127.0.0.1:4599' };

function nodeError(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

test.each([
  ['a usage mistake', new UsageError('expects one ARN'), { message: 'expects one ARN', exitCode: 2, usage: true }],
  ['a usage line', new UsageError('usage: statecraft x'), { message: 'usage: statecraft x', exitCode: 2, usage: false }],
  ['parseArgs', nodeError("Unknown option '--x'", { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' }), { message: "Unknown option '--x'", exitCode: 2, usage: true }],
  ['no server', nodeError('connect ECONNREFUSED 127.0.0.1:4599', { code: 'ECONNREFUSED' }), { message: 'nothing answers on http://127.0.0.1:4599 — start it with npm start', exitCode: 1 }],
  ['no server, every address of a name', Object.assign(new AggregateError([nodeError('refused', { code: 'ECONNREFUSED' })], ''), {}), { message: 'nothing answers on http://127.0.0.1:4599 — start it with npm start', exitCode: 1 }],
  ['no server, copied by the SDK', new Error('socket error: connect ECONNREFUSED ::1:4599'), { message: 'nothing answers on http://127.0.0.1:4599 — start it with npm start', exitCode: 1 }],
  ['a port in use', nodeError('listen EADDRINUSE', { code: 'EADDRINUSE', address: '127.0.0.1', port: 4599 }), { message: '127.0.0.1:4599 is already in use — is another statecraft serve running? Choose another with --port', exitCode: 1 }],
  ['a missing file', nodeError('ENOENT', { code: 'ENOENT', path: 'in.json' }), { message: 'in.json: no such file or directory', exitCode: 1 }],
  ['a directory for a file', nodeError('EISDIR', { code: 'EISDIR', path: 'data' }), { message: 'data: is a directory, not a file', exitCode: 1 }],
  ['an AWS error', Object.assign(new Error('Execution Does Not Exist'), { name: 'ExecutionDoesNotExist' }), { message: 'Execution Does Not Exist', exitCode: 1 }],
])('%s', (_, err, failure) => {
  expect(describeFailure(err, context)).toEqual(failure);
});

test.each([
  ['a bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
  ['a plain Error', new Error('something broke\nwith a second line')],
  ['a thrown string', 'a string'],
])('%s: one line naming a log file that holds the stack', (_, err) => {
  const { message, exitCode } = describeFailure(err, context);
  expect(exitCode).toBe(1);
  expect(message.split('\n')).toHaveLength(1);
  const log = /\(details in (.+)\)$/.exec(message)?.[1];
  expect(log && existsSync(log)).toBe(true);
  const logged = readFileSync(log!, 'utf8');
  if (err instanceof Error) expect(logged).toContain(err.stack!.split('\n')[1]);
  rmSync(log!);
});
