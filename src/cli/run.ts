/**
 * `statecraft run <definition.json> --input <json|@file>`: runs one execution to the end in this
 * process and prints its output (progress on stderr when it is a terminal).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Json } from '../asl/json';
import { VirtualClock, WallClock, type Clock } from '../clock/clock';
import { parseDefinition } from '../control/definition-validation';
import { DirectoryLambdaInvoker } from '../control/functions';
import { runExecution } from '../interpreter/execution';
import { MemoryHistorySink } from '../interpreter/history/sink';
import { ProgressSink } from './progress';
import { UsageError, readJsonArgument } from './args';

export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      input: { type: 'string' },
      functions: { type: 'string', default: 'functions' },
      clock: { type: 'string', default: 'wall' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('usage: statecraft run <definition.asl.json> [--input JSON|@file] [--functions DIR] [--clock wall|virtual]');
  const definition = parseDefinition(readFileSync(file, 'utf8'));
  const input = readJsonArgument(values.input, '--input') as Json;
  const clock: Clock = values.clock === 'virtual' ? new VirtualClock() : new WallClock();
  const showProgress = !values.quiet && process.stderr.isTTY;
  const memory = new MemoryHistorySink();
  const sink = showProgress ? new ProgressSink(memory, (line) => process.stderr.write(line + '\n')) : memory;
  const name = `run-${Date.now()}`;
  const machine = 'local';
  const result = await runExecution({
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
    services: { lambda: new DirectoryLambdaInvoker(resolve(values.functions!)) },
  });
  if (result.status === 'SUCCEEDED') {
    process.stdout.write(JSON.stringify(result.output, null, 2) + '\n');
    return 0;
  }
  process.stderr.write(`${result.status}${result.error ? `: ${result.error}` : ''}${result.cause ? `\n${result.cause}` : ''}\n`);
  return 1;
}
