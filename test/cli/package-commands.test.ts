/**
 * The seam through which workflow packages add commands: listed in the help, `--help` for them and
 * their group, `--endpoint` read for client commands, failures as one line, and a fresh local runtime
 * a command can start — all through a registry of a test package, so the CLI names no package.
 */
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { CommandUsageError, defineRegistry, defineTask, defineWorkflow, defineWorkflowPackage, type CommandContext, type PackageCommand } from '../../src/builder';
import { findPackageCommand, packageCommands } from '../../src/cli/package-commands';
import { Type } from '@sinclair/typebox';
import { runCli } from '../support/cli-run';

const seen: Array<{ argv: string[]; endpoint: string }> = [];

const Double = defineTask({ name: 'test-double', input: Type.Object({ n: Type.Number() }), output: Type.Object({ n: Type.Number() }), access: {}, run: async ({ n }) => ({ n: 2 * n }) });
const doubling = defineWorkflow({ name: 'doubling', input: Type.Object({ n: Type.Number() }), output: Type.Object({ n: Type.Number() }) }, (start) => start.task('Double', { task: Double, arguments: (s) => s.input }).succeed('Done'));

const commands: PackageCommand[] = [
  {
    name: 'demo show',
    summary: 'tells what it was given',
    usage: 'statecraft demo show [ARGS] [--endpoint URL]',
    options: ['ARGS                 anything'],
    client: true,
    run: async (argv, context) => {
      seen.push({ argv, endpoint: context.endpoint });
      context.print(`given ${argv.join(' ')}\n`);
      return 0;
    },
  },
  {
    name: 'demo fail',
    summary: 'fails the way a command may',
    usage: 'statecraft demo fail usage|named',
    options: ['usage|named          a bad call, or a named error'],
    run: async ([how]) => {
      if (how === 'usage') throw new CommandUsageError('needs something else');
      throw Object.assign(new Error('the model is not there'), { name: 'ResourceNotFoundException' });
    },
  },
  {
    name: 'demo local',
    summary: 'runs a workflow in a runtime of its own',
    usage: 'statecraft demo local',
    options: [],
    run: async (_argv, context: CommandContext) => {
      const local = await context.startLocal({ clock: 'virtual' });
      try {
        const machines = await local.context.client(SFNClient).send(new ListStateMachinesCommand({}));
        const outcome = await local.context.runWorkflow('doubling', { n: 21 });
        context.print(`${machines.stateMachines!.map((m) => m.name).join(',')} ${outcome.status} ${JSON.stringify(outcome.output)}\n`);
        return 0;
      } finally {
        await local.close();
      }
    },
  },
];

const registry = defineRegistry({ packages: [defineWorkflowPackage({ module: __filename, workflows: [doubling], commands })], modelRegistry: { bucket: 'models', prefix: 'registry/' } });

const run = (...argv: string[]) => runCli(registry, argv);

test('statecraft --help lists the package commands after the built-in ones', async () => {
  const { code, stdout } = await run('--help');
  expect(code).toBe(0);
  expect(stdout).toMatch(/\n  models\s+\S[^\n]*\n  demo show\s+tells what it was given\n  demo fail\s+fails the way a command may\n  demo local\s+runs a workflow/);
});

test.each([[['demo']], [['demo', '--help']]])('statecraft %j lists the commands of its group', async (argv) => {
  const { code, stdout } = await run(...argv);
  expect(code).toBe(0);
  expect(stdout).toMatch(/^usage: statecraft demo <command> \[options\]\n\ncommands:\n  demo show\s+tells what it was given\n/);
});

test('statecraft demo show --help prints its usage and options, --endpoint among them for a client command', async () => {
  const { code, stdout } = await run('demo', 'show', '--help');
  expect(code).toBe(0);
  expect(stdout).toBe(['usage: statecraft demo show [ARGS] [--endpoint URL]', '', 'demo show: tells what it was given', '', 'options:', '  ARGS                 anything', '  --endpoint URL       the running server (default http://127.0.0.1:4599)', '  --help               this text', ''].join('\n'));
});

test('a client command gets its arguments without --endpoint and the endpoint in its context', async () => {
  seen.length = 0;
  expect(await run('demo', 'show', 'a', '--endpoint', 'http://127.0.0.1:9', 'b')).toEqual({ code: 0, stdout: 'given a b\n', stderr: '' });
  expect(await run('demo', 'show', '--endpoint=http://127.0.0.1:8')).toMatchObject({ code: 0 });
  expect(await run('demo', 'show')).toMatchObject({ code: 0 });
  expect(seen).toEqual([{ argv: ['a', 'b'], endpoint: 'http://127.0.0.1:9' }, { argv: [], endpoint: 'http://127.0.0.1:8' }, { argv: [], endpoint: 'http://127.0.0.1:4599' }]);
});

test.each([
  ['a usage error: the message, the usage, exit 2', ['demo', 'fail', 'usage'], 2, 'statecraft demo fail: needs something else\nusage: statecraft demo fail usage|named\n(statecraft demo fail --help for more)\n'],
  ['a named error: its message, exit 1', ['demo', 'fail', 'named'], 1, 'statecraft demo fail: the model is not there\n'],
  ['an unknown command of the group: the group, exit 2', ['demo', 'frobnicate'], 2, expect.stringMatching(/^statecraft: unknown command 'demo frobnicate'\nusage: statecraft demo <command>/)],
])('%s', async (_what, argv, exitCode, stderr) => {
  expect(await run(...argv)).toEqual({ code: exitCode, stdout: '', stderr });
});

test('a command can start a fresh local runtime of the registry and run a workflow there through the API', async () => {
  const { code, stdout, stderr } = await run('demo', 'local');
  expect({ code, stdout }).toEqual({ code: 0, stdout: 'doubling SUCCEEDED {"n":42}\n' });
  expect(stderr).toContain('→ Double (Task)');
}, 30_000);

test('the longest matching name wins, and a package may not hide a built-in command or repeat another’s', () => {
  const table = packageCommands(registry, ['serve']);
  expect(findPackageCommand(table, ['demo', 'show', 'x'])).toEqual({ command: commands[0], rest: ['x'] });
  expect(findPackageCommand(table, ['demo'])).toBeUndefined();
  expect(() => packageCommands(registry, ['demo'])).toThrow('package command "demo show" would hide the built-in command demo');
  const twice = defineRegistry({
    packages: [defineWorkflowPackage({ module: 'a', workflows: [], commands: [commands[0]!] }), defineWorkflowPackage({ module: 'b', workflows: [], commands: [commands[0]!] })],
    modelRegistry: { bucket: 'models', prefix: 'registry/' },
  });
  expect(() => packageCommands(twice, [])).toThrow('two packages declare the command "demo show"');
  expect(() => defineWorkflowPackage({ module: 'c', workflows: [], commands: [{ ...commands[0]!, name: 'Demo  Show' }] })).toThrow('command "Demo  Show": names are lowercase words');
});
