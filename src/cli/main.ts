/**
 * The `statecraft` command, over the workflow registry it is given (`bin/statecraft.js` passes the
 * shipped one). The commands and their help are in `commands.ts`; this file reads the command line,
 * prints help and version, and turns every failure into one line (see `failure.ts`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowRegistry } from '../builder/workflow-package';
import { COMMANDS, commandHelp, generalHelp, type Command } from './commands';
import { endpointUrl } from './endpoint';
import { describeFailure } from './failure';
import { asCommand, findPackageCommand, groupCommands, groupHelp, packageCommands } from './package-commands';

/** Runs one command line; resolves with the exit code (0 success, 1 failure, 2 bad usage). */
export async function dispatch(argv: string[], registry: WorkflowRegistry): Promise<number> {
  const [name, ...rest] = argv;
  const packaged = packageCommands(registry, Object.keys(COMMANDS));
  const help = () => generalHelp(version(), [...packaged.values()].map((command) => [command.name, command.summary] as const));
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return 0;
  }
  // `npx statecraft --version` gives npm's own version, so `version` and `-v` say it too.
  if (name === '--version' || name === '-v' || name === 'version') {
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (Object.hasOwn(COMMANDS, name)) return runCommand(name, COMMANDS[name], rest, registry);
  const found = findPackageCommand(packaged, argv);
  if (found) return runCommand(found.command.name, asCommand(found.command), found.rest, registry);
  const group = groupCommands(packaged, name);
  if (group.length > 0) {
    // `statecraft brand` alone or with --help lists its commands; anything else is not one of them.
    const asked = rest.length === 0 || rest[0] === '--help' || rest[0] === '-h';
    (asked ? process.stdout : process.stderr).write(`${asked ? '' : `statecraft: unknown command '${name} ${rest[0]}'\n`}${groupHelp(name, group)}`);
    return asked ? 0 : 2;
  }
  process.stderr.write(`statecraft: unknown command '${name}'\n${help()}`);
  return 2;
}

async function runCommand(name: string, command: Command, argv: string[], registry: WorkflowRegistry): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(commandHelp(name, command));
    return 0;
  }
  try {
    return await command.run(argv, registry);
  } catch (err) {
    return reportFailure(err, name, command, argv);
  }
}

function reportFailure(err: unknown, name: string, command: Command, argv: string[]): number {
  const failure = describeFailure(err, { endpoint: endpointUrl(optionValue(argv, '--endpoint')) });
  process.stderr.write(`statecraft ${name}: ${failure.message}\n`);
  if (failure.usage) process.stderr.write(`usage: ${command.usage}\n(statecraft ${name} --help for more)\n`);
  return failure.exitCode;
}

/** `--name value` or `--name=value`, read before the command's own parsing may have failed. */
function optionValue(argv: string[], option: string): string | undefined {
  const at = argv.indexOf(option);
  if (at >= 0) return argv[at + 1];
  return argv.find((arg) => arg.startsWith(`${option}=`))?.slice(option.length + 1);
}

function version(): string {
  return (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The process entry point. A reader that stops early (`statecraft history … | head`) closes the pipe:
 * that ends the command quietly. The process exits once the command is done and stdout is flushed,
 * so a handler still running after `serve` stopped cannot keep it alive.
 */
export function main(argv: string[], registry: WorkflowRegistry): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    process.stderr.write(`statecraft: cannot write the output: ${err.message}\n`);
    process.exit(1);
  });
  dispatch(argv, registry).then(
    (code) => process.stdout.write('', () => process.exit(code)),
    (err: unknown) => {
      process.stderr.write(`statecraft: ${describeFailure(err, { endpoint: endpointUrl(undefined) }).message}\n`);
      process.exit(1);
    },
  );
}
