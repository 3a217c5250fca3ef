/**
 * The `statecraft` command line, in this process: help for every command, the version, and what a
 * bad call prints (usage and exit code 2). The process-level behaviour (no server, a missing file,
 * a closed pipe) runs the real command.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registry } from '../../workflows/registry';
import { COMMANDS } from '../../src/cli/commands';
import { execFile } from 'node:child_process';
import { statecraft } from './serve-process';
import { runCli } from '../support/cli-run';

const run = (...argv: string[]) => runCli(registry, argv);

const { version } = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string };
const names = Object.keys(COMMANDS);

test.each([[], ['--help'], ['-h'], ['help']])('statecraft %s lists every command', async (...argv) => {
  const { code, stdout, stderr } = await run(...argv);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  for (const name of names) expect(stdout).toMatch(new RegExp(`\\n  ${name}\\s+\\S`));
});

test.each([['--version'], ['-v'], ['version']])('statecraft %s prints the package version', async (flag) => {
  expect(await run(flag)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
});

test('every command is documented: serve, run, synth, upload, executions, history, workflows, rules, models', () => {
  expect(names.sort()).toEqual(['executions', 'history', 'models', 'rules', 'run', 'serve', 'synth', 'upload', 'workflows']);
});

test.each(names)('statecraft %s --help prints its usage and options and starts nothing', async (name) => {
  const { code, stdout, stderr } = await run(name, '--help');
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout.split('\n')[0]).toBe(`usage: ${COMMANDS[name].usage}`);
  expect(stdout).toContain('options:\n  ');
  // Every option the usage names is explained.
  for (const option of COMMANDS[name].usage.match(/--[a-z-]+/g) ?? []) expect(stdout).toMatch(new RegExp(`\\n  ${option}\\b`));
});

test.each([
  ['an unknown option', ['history', 'arn:x', '--frobnicate'], "statecraft history: Unknown option '--frobnicate'"],
  ['an option without its value', ['executions', '--state-machine'], "statecraft executions: Option '--state-machine <value>' argument missing"],
  ['an unexpected argument', ['executions', 'extra'], "statecraft executions: Unexpected argument 'extra'"],
  ['a missing argument', ['history'], 'statecraft history: expects one execution ARN'],
  ['a bad port', ['serve', '--port', 'http'], "statecraft serve: --port must be a port number, not 'http'"],
  ['a bad clock', ['run', 'kfold-cv', '--clock', 'sundial'], "statecraft run: --clock must be 'wall' or 'virtual', not 'sundial'"],
  ['bad JSON', ['run', 'kfold-cv', '--input', '{x'], 'statecraft run: --input is not valid JSON'],
])('%s: one line, the usage, exit code 2', async (_, argv, message) => {
  const { code, stdout, stderr } = await run(...argv);
  expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  expect(stderr.startsWith(message)).toBe(true);
  expect(stderr).toContain(`\nusage: ${COMMANDS[argv[0]].usage}\n`);
  expect(stderr).not.toMatch(/\n\s+at /);
});

test('an unknown command prints the list of commands and exits 2', async () => {
  const { code, stderr } = await run('deploy');
  expect(code).toBe(2);
  expect(stderr).toMatch(/^statecraft: unknown command 'deploy'\n/);
  expect(stderr).toContain('commands:');
});

test.each([
  ['history', ['history', 'arn:aws:states:us-east-1:000000000000:execution:x:y']],
  ['executions', ['executions']],
  ['workflows', ['workflows']],
  ['rules', ['rules']],
  ['models', ['models']],
  ['upload', ['upload', 'package.json', 's3://statecraft-data/p.json']],
])('statecraft %s with no server running says so in one line', async (name, argv) => {
  // Port 9 (discard) on 127.0.0.1: nothing listens there.
  const result = await statecraft([...argv, '--endpoint', 'http://127.0.0.1:9'], { cwd: join(__dirname, '../..') });
  expect(result).toEqual({ code: 1, stdout: '', stderr: `statecraft ${name}: nothing answers on http://127.0.0.1:9 — start it with npm start\n` });
}, 30_000);

test.each([
  ['a definition file', ['run', 'no-such.asl.json'], 'statecraft run: no-such.asl.json: no such file or directory\n'],
  ['an input file', ['run', 'kfold-cv', '--input', '@no-such.json'], 'statecraft run: no-such.json: no such file or directory\n'],
  ['a file to upload', ['upload', 'no-such.csv', 's3://b/k'], 'statecraft upload: no-such.csv: no such file or directory\n'],
])('a missing %s: one line, exit code 1', async (_, argv, stderr) => {
  expect(await run(...argv)).toEqual({ code: 1, stdout: '', stderr });
});

test('npx statecraft runs the project’s own command after npm ci, without installing anything', async () => {
  const { stdout } = await new Promise<{ stdout: string }>((done, failed) =>
    execFile('npx', ['--no', 'statecraft', 'version'], { cwd: join(__dirname, '../..') }, (error, out) => (error ? failed(error) : done({ stdout: out }))),
  );
  expect(stdout).toBe(`${version}\n`);
}, 30_000);
