/**
 * `statecraft run <workflow | definition.asl.json> --input <json|@file>`: runs one execution to the
 * end in this process and prints its output (progress on stderr when it is a terminal). A registered
 * workflow runs with its own task handlers and the object store under --data-dir; a definition file
 * runs with the Lambda handlers in --functions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Json } from '../asl/json';
import { VirtualClock, WallClock, type Clock } from '../clock/clock';
import { parseDefinition } from '../control/definition-validation';
import { DirectoryLambdaInvoker } from '../control/functions';
import { runExecution, type ExecutionResult } from '../interpreter/execution';
import { MemoryHistorySink, type HistorySink } from '../interpreter/history/sink';
import { runWorkflowInProcess } from '../host';
import { ProgressSink } from './progress';
import { UsageError, readJsonArgument } from './args';

const USAGE = 'usage: statecraft run <workflow | definition.asl.json> [--input JSON|@file] [--data-dir DIR] [--functions DIR] [--clock wall|virtual]';

export async function runCommand(argv: string[]): Promise<number> {
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
  const input = readJsonArgument(values.input, '--input') as Json;
  const clock: Clock = values.clock === 'virtual' ? new VirtualClock() : new WallClock();
  const memory = new MemoryHistorySink();
  const sink: HistorySink = !values.quiet && process.stderr.isTTY ? new ProgressSink(memory, (line) => process.stderr.write(line + '\n')) : memory;

  const result = isDefinitionFile(target)
    ? await runDefinitionFile(target, input, clock, sink, resolve(values.functions!))
    : await runWorkflowInProcess({ workflow: target, input, objectsDir: resolve(values['data-dir']!), sink, clock });
  if (result.status === 'SUCCEEDED') {
    process.stdout.write(JSON.stringify(result.output, null, 2) + '\n');
    return 0;
  }
  process.stderr.write(`${result.status}${result.error ? `: ${result.error}` : ''}${result.cause ? `\n${result.cause}` : ''}\n`);
  return 1;
}

function isDefinitionFile(target: string): boolean {
  return target.endsWith('.json') || existsSync(target);
}

async function runDefinitionFile(file: string, input: Json, clock: Clock, sink: HistorySink, functionsDir: string): Promise<ExecutionResult> {
  const definition = parseDefinition(readFileSync(file, 'utf8'));
  const name = `run-${Date.now()}`;
  const machine = 'local';
  return runExecution({
    info: {
      executionArn: `arn:aws:states:us-east-1:000000000000:execution:${machine}:${name}`,
      name,
      stateMachineArn: `arn:aws:states:us-east-1:000000000000:stateMachine:${machine}`,
      stateMachineName: machine,
      roleArn: 'arn:aws:iam::000000000000:role/statecraft-local',
      input,
      startTime: clock.now(),
      redriveCount: 0,
      region: 'us-east-1',
      account: '000000000000',
      type: 'STANDARD',
    },
    definition,
    clock,
    sink,
    services: { lambda: new DirectoryLambdaInvoker(functionsDir) },
  });
}
