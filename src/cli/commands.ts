/**
 * Every `statecraft` command with the help it prints: `statecraft --help` lists the summaries,
 * `statecraft <command> --help` prints the whole text, and a bad call prints the usage line.
 */
import type { WorkflowRegistry } from '../builder/workflow-package';
import { executionsCommand } from './executions';
import { historyCommand } from './history';
import { modelsCommand } from './models';
import { runCommand } from './run';
import { rulesCommand } from './rules';
import { serveCommand } from './serve';
import { synthCommand } from './synth';
import { uploadCommand } from './upload';
import { workflowsCommand } from './workflows';

export type CommandRun = (argv: string[], registry: WorkflowRegistry) => Promise<number>;

export interface Command {
  run: CommandRun;
  /** One line for `statecraft --help`. */
  summary: string;
  /** The first line of the help, printed again after a bad call. */
  usage: string;
  /** The options, one per line, after the usage in `statecraft <command> --help`. */
  options: string[];
  /** Talks to a running server through --endpoint. */
  client?: boolean;
}

export const ENDPOINT_OPTION = '--endpoint URL       the running server (default http://127.0.0.1:4599)';

export const COMMANDS: Record<string, Command> = {
  serve: {
    run: serveCommand,
    summary: 'the local engine and its AWS-compatible endpoint, with every workflow deployed (npm start)',
    usage: 'statecraft serve [--port 4599] [--host 127.0.0.1] [--data-dir .statecraft] [--functions functions] [--clock wall|virtual]',
    options: [
      '--port N             the port of the endpoint and console (0: any free port)',
      '--host H             the address to listen on',
      '--data-dir DIR       where executions, events and objects are kept',
      '--functions DIR      your Lambda handlers: DIR/<name>.{js,mjs,ts} exporting handler',
      '--clock virtual      Waits, retries, timeouts and schedules on a simulated clock',
    ],
  },
  run: {
    run: runCommand,
    summary: 'one execution to the end, in this process; its output on stdout, progress on stderr',
    usage: 'statecraft run <workflow | definition.asl.json> [--input JSON|@file] [--data-dir DIR] [--functions DIR] [--clock wall|virtual] [--quiet]',
    options: [
      '--input JSON|@file   the execution input (default {})',
      '--data-dir DIR       where the objects are kept (default .statecraft)',
      '--functions DIR      the Lambda handlers a definition file calls (default functions)',
      '--clock virtual      Waits and retries take no real time',
      '--quiet              no progress on stderr',
    ],
  },
  synth: {
    run: synthCommand,
    summary: "every workflow's ASL and payload schemas, as files",
    usage: 'statecraft synth [outDir]',
    options: ['outDir               where the files go (default build)'],
  },
  upload: {
    run: uploadCommand,
    summary: 'a file into a running server (multipart above 8 MiB, with progress)',
    usage: 'statecraft upload <file> s3://bucket/key [--endpoint URL]',
    options: [ENDPOINT_OPTION],
    client: true,
  },
  executions: {
    run: executionsCommand,
    summary: 'the executions of a running server',
    usage: 'statecraft executions [--state-machine ARN] [--endpoint URL]',
    options: ['--state-machine ARN  only this state machine’s', ENDPOINT_OPTION],
    client: true,
  },
  history: {
    run: historyCommand,
    summary: "one execution's events as a table (state, event, time, duration, error)",
    usage: 'statecraft history <executionArn> [--json] [--endpoint URL]',
    options: ['--json               the raw events, as GetExecutionHistory returns them', ENDPOINT_OPTION],
    client: true,
  },
  workflows: {
    run: workflowsCommand,
    summary: 'the state machines a running server has deployed, with the rules and schedules that start them',
    usage: 'statecraft workflows [--endpoint URL]',
    options: [ENDPOINT_OPTION],
    client: true,
  },
  rules: {
    run: rulesCommand,
    summary: 'the rules on a running server’s buses: pattern or schedule, and targets',
    usage: 'statecraft rules [--event-bus NAME] [--endpoint URL]',
    options: ['--event-bus NAME     only this bus’s (default every bus)', ENDPOINT_OPTION],
    client: true,
  },
  models: {
    run: modelsCommand,
    summary: 'the model registry of a running server: list, show, approve, reject',
    usage: 'statecraft models [list [<model>] | show <model> <version> | approve|reject <model> <version> [--reason TEXT]] [--endpoint URL]',
    options: ['<version>            as the table prints it (v3) or a number (3)', '--reason TEXT        why a version is approved or rejected', ENDPOINT_OPTION],
    client: true,
  },
};

export function commandHelp(name: string, command: Command): string {
  return [`usage: ${command.usage}`, '', `${name}: ${command.summary}`, '', 'options:', ...command.options.map((line) => `  ${line}`), '  --help               this text', ''].join('\n');
}

/** The general help: the built-in commands, then those the workflow packages add (`extra`: name → summary). */
export function generalHelp(version: string, extra: ReadonlyArray<readonly [string, string]> = []): string {
  const entries = [...Object.entries(COMMANDS).map(([name, command]) => [name, command.summary] as const), ...extra];
  const width = Math.max(...entries.map(([name]) => name.length));
  return [
    `statecraft ${version}: event-driven ML workflows on AWS Step Functions, run locally`,
    '',
    'usage: statecraft <command> [options]',
    '',
    'commands:',
    ...entries.map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`),
    '',
    'statecraft <command> --help    the options of one command',
    'statecraft --version           the version (also -v, version)',
    '',
  ].join('\n');
}
