/**
 * `statecraft run <workflow | definition.asl.json> --input <json|@file>`: runs one execution to the
 * end through the same engine `serve` runs (its store in memory, the objects under --data-dir) and
 * prints its output; progress goes to stderr as plain lines. A registered workflow runs with its own
 * task handlers; a definition file runs with the Lambda handlers in --functions. Nested executions,
 * `.sync` and callbacks work as under `serve`, and the packages' endpoints answer on a port of their own.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { WorkflowRegistry } from '../builder/workflow-package';
import { VirtualClock, WallClock, type Clock } from '../clock/clock';
import { parseDefinition } from '../control/definition-validation';
import { createLocalRuntime, LOCAL_ROLE_ARN, runWorkflow, servePackageEndpoints, waitForEnd, type LocalRuntime } from '../host';
import type { ExecutionResult } from '../interpreter/execution';
import { ProgressPrinter } from './progress';
import { UsageError, readJsonArgument } from './args';

const USAGE = 'usage: statecraft run <workflow | definition.asl.json> [--input JSON|@file] [--data-dir DIR] [--functions DIR] [--clock wall|virtual] [--quiet]';

export async function runCommand(argv: string[], registry: WorkflowRegistry): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      input: { type: 'string' },
      functions: { type: 'string', default: 'functions' },
      'data-dir': { type: 'string', default: '.statecraft' },
      clock: { type: 'string', default: 'wall' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const target = positionals[0];
  if (!target) throw new UsageError(USAGE);
  if (values.clock !== 'wall' && values.clock !== 'virtual') throw new UsageError(`--clock must be 'wall' or 'virtual', not '${values.clock}'`);
  const input = readJsonArgument(values.input, '--input');
  const clock: Clock = values.clock === 'virtual' ? new VirtualClock() : new WallClock();
  const progress = values.quiet ? undefined : new ProgressPrinter((line) => process.stderr.write(line + '\n'));
  const objectsDir = resolve(values['data-dir']!);
  mkdirSync(objectsDir, { recursive: true });
  // The packages' local stand-ins for outside services (the energy feeds), as `serve` mounts them.
  const endpoints = await servePackageEndpoints(registry, clock);
  const runtime = await createLocalRuntime({ registry, objectsDir, clock, functionsDir: resolve(values.functions!), onHistoryEvent: progress?.listener });
  try {
    const result = isDefinitionFile(target) ? await runDefinitionFile(runtime, target, input) : await runWorkflow(runtime, target, input);
    if (result.status === 'SUCCEEDED') {
      process.stdout.write(JSON.stringify(result.output, null, 2) + '\n');
      return 0;
    }
    process.stderr.write(`${result.status}${result.error ? `: ${result.error}` : ''}${result.cause ? `\n${result.cause}` : ''}\n`);
    return 1;
  } finally {
    await runtime.close();
    await endpoints?.close();
  }
}

function isDefinitionFile(target: string): boolean {
  return target.endsWith('.json') || existsSync(target);
}

/** The file becomes a state machine of the in-memory engine, named after the file. */
async function runDefinitionFile(runtime: LocalRuntime, file: string, input: unknown): Promise<ExecutionResult> {
  const definition = parseDefinition(readFileSync(file, 'utf8'));
  const name = basename(file).replace(/(\.asl)?\.json$/, '').replace(/[^A-Za-z0-9_-]/g, '-') || 'local';
  const { stateMachineArn } = runtime.engine.createStateMachine({ name, definition: JSON.stringify(definition), roleArn: LOCAL_ROLE_ARN, type: 'STANDARD' });
  const { executionArn } = runtime.engine.startExecution({ stateMachineArn, input: JSON.stringify(input ?? {}) });
  return waitForEnd(runtime.engine, executionArn!);
}
