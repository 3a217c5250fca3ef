/**
 * Commands a workflow package adds to `statecraft` (`statecraft brand train`, later `statecraft
 * backtest energy`). A package declares them; the CLI lists them in its help, parses nothing for them
 * but `--help` (and `--endpoint` for client commands), and runs them with a {@link CommandContext}, so
 * a package never imports the CLI and the CLI never names a package.
 */
import { BuilderError } from './builder-error';
import type { WorkflowRegistry } from './workflow-package';

/** The settings an AWS SDK v3 client is built with, pointing at the command's endpoint. */
export interface AwsClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** S3 only: buckets in the path, as the local endpoint serves them. */
  forcePathStyle: boolean;
}

/** An AWS SDK v3 client class (`S3Client`, `SFNClient` …). */
export type AwsClientClass<C> = new (config: AwsClientConfig) => C;

/** How an execution ended, as DescribeExecution tells it; `output` is parsed. */
export interface ExecutionOutcome {
  executionArn: string;
  status: string;
  output?: unknown;
  error?: string;
  cause?: string;
}

export interface RunWorkflowOptions {
  /** The execution's name. @default - a generated one */
  name?: string;
  /** No progress lines. @default false */
  quiet?: boolean;
}

/** What a package command gets from the host that runs it. */
export interface CommandContext {
  readonly registry: WorkflowRegistry;
  /** The server the command talks to: `--endpoint`, default the local one. */
  readonly endpoint: string;
  /** An SDK client for {@link endpoint}; the host destroys it when the command ends. */
  client<C>(Client: AwsClientClass<C>): C;
  /** The command's result, on stdout. */
  print(text: string): void;
  /** One line of progress, on stderr. */
  progress(line: string): void;
  /** Starts a deployed workflow, tells its progress (states entered, Map progress, failures) and resolves when it ends. */
  runWorkflow(workflow: string, input: unknown, options?: RunWorkflowOptions): Promise<ExecutionOutcome>;
  /**
   * A fresh local runtime in this process (every workflow of the registry, the bus, its own endpoint
   * on a free port); its context talks to it. For commands that need a world of their own (a backtest
   * on the virtual clock) rather than the user's server.
   */
  startLocal(options?: LocalRuntimeRequest): Promise<LocalCommandHost>;
}

export interface LocalRuntimeRequest {
  /** `virtual`: Waits, retries and schedules take no real time. @default 'wall' */
  clock?: 'wall' | 'virtual';
  /** Where it keeps its data. @default - a temporary directory, removed on close */
  dataDir?: string;
  /** `virtual` only: the instant the clock starts at, in ms since the epoch. @default - now */
  startAt?: number;
  /**
   * Told of every state a run leaves, with the real time it took (on a virtual clock the history's
   * timestamps say nothing of what the work cost). @default - not told
   */
  onStateTimed?: (timing: StateTiming) => void;
}

/** One visit of a state: a Map's or Parallel's includes its iterations' or branches' time. */
export interface StateTiming {
  readonly workflow: string;
  readonly state: string;
  readonly realMs: number;
}

export interface LocalCommandHost {
  readonly context: CommandContext;
  /** The runtime's clock: on a virtual clock, time jumps to the next schedule or timer once nothing runs. */
  now(): number;
  /** Resolves once the runtime's clock reaches `atMs` (on a virtual clock, after everything due before it). */
  sleepUntil(atMs: number): Promise<void>;
  /** Keeps a virtual clock where it is until the returned function is called (a no-op on the wall clock): setting up before the first schedule fires. */
  hold(): () => void;
  close(): Promise<void>;
}

export interface PackageCommand {
  /** The words after `statecraft`, e.g. `brand train`: the first names the group in the help. */
  name: string;
  /** One line for `statecraft --help`. */
  summary: string;
  /** The usage line, without `usage: `, printed again after a bad call. */
  usage: string;
  /** The options, one per line, for `statecraft <name> --help`. */
  options: readonly string[];
  /** Talks to a running server: the host reads `--endpoint URL` and lists it among the options. @default false */
  client?: boolean;
  /** Runs with the arguments after the name; resolves with the exit code. Throw {@link CommandUsageError} for a bad call. */
  run(argv: string[], context: CommandContext): Promise<number>;
}

/** A mistake in how a command was called: printed as one line with the usage, exit code 2. */
export class CommandUsageError extends Error {}

const NAME = /^[a-z][a-z0-9-]*( [a-z][a-z0-9-]*)*$/;

export function validateCommands(commands: readonly PackageCommand[]): void {
  const seen = new Set<string>();
  for (const command of commands) {
    if (!NAME.test(command.name)) throw new BuilderError(`command "${command.name}": names are lowercase words separated by single spaces`);
    if (seen.has(command.name)) throw new BuilderError(`two commands are named "${command.name}"`);
    seen.add(command.name);
  }
}
