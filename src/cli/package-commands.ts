/**
 * The commands workflow packages declare, as the CLI offers them: `statecraft <group> <command>`,
 * listed in the general help, with `--help` and the same failure handling as the built-in commands.
 * A client command gets `--endpoint URL`, read here and removed before the command sees its arguments.
 */
import type { PackageCommand } from '../builder/package-command';
import type { WorkflowRegistry } from '../builder/workflow-package';
import { BuilderError } from '../builder/builder-error';
import { commandContext } from './command-context';
import { ENDPOINT_OPTION, type Command } from './commands';
import { endpointUrl } from './endpoint';

/** Every package command, by its full name; a name that a built-in command or another package has is refused. */
export function packageCommands(registry: WorkflowRegistry, builtIn: readonly string[]): Map<string, PackageCommand> {
  const commands = new Map<string, PackageCommand>();
  for (const command of registry.packages.flatMap((pkg) => pkg.commands)) {
    const group = command.name.split(' ')[0]!;
    if (builtIn.includes(group)) throw new BuilderError(`package command "${command.name}" would hide the built-in command ${group}`);
    if (commands.has(command.name)) throw new BuilderError(`two packages declare the command "${command.name}"`);
    commands.set(command.name, command);
  }
  return commands;
}

/** The longest command name the arguments start with, and the arguments after it. */
export function findPackageCommand(commands: Map<string, PackageCommand>, argv: readonly string[]): { command: PackageCommand; rest: string[] } | undefined {
  for (let words = argv.length; words > 0; words--) {
    const command = commands.get(argv.slice(0, words).join(' '));
    if (command) return { command, rest: argv.slice(words) };
  }
  return undefined;
}

/** The commands of one group (`statecraft brand`), for its help. */
export function groupCommands(commands: Map<string, PackageCommand>, group: string): PackageCommand[] {
  return [...commands.values()].filter((command) => command.name.split(' ')[0] === group);
}

export function groupHelp(group: string, members: readonly PackageCommand[]): string {
  const width = Math.max(...members.map((command) => command.name.length));
  return [`usage: statecraft ${group} <command> [options]`, '', 'commands:', ...members.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`), '', `statecraft ${group} <command> --help    the options of one command`, ''].join('\n');
}

/** The package command as the CLI's own commands are shaped, so help and failures are handled alike. */
export function asCommand(command: PackageCommand): Command {
  return {
    summary: command.summary,
    usage: command.usage,
    options: command.client ? [...command.options, ENDPOINT_OPTION] : [...command.options],
    client: command.client,
    run: async (argv, registry) => {
      const { endpoint, rest } = command.client ? takeEndpoint(argv) : { endpoint: undefined, rest: argv };
      const context = commandContext(registry, endpointUrl(endpoint));
      try {
        return await command.run(rest, context);
      } finally {
        await context.dispose();
      }
    },
  };
}

/** `--endpoint URL` or `--endpoint=URL`, and the arguments without it. */
function takeEndpoint(argv: readonly string[]): { endpoint?: string; rest: string[] } {
  const rest: string[] = [];
  let endpoint: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--endpoint' && i + 1 < argv.length) endpoint = argv[++i];
    else if (argv[i]!.startsWith('--endpoint=')) endpoint = argv[i]!.slice('--endpoint='.length);
    else rest.push(argv[i]!);
  }
  return { endpoint, rest };
}
