/**
 * `statecraft serve` (what `npm start` runs): the local engine with its AWS-compatible endpoint —
 * Step Functions, EventBridge and S3 on one port — and every workflow of the registry deployed in it.
 * Listens on 127.0.0.1 unless told otherwise; keeps everything under --data-dir.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLocalEndpoint } from '../api';
import { VirtualClock, WallClock } from '../clock/clock';
import type { WorkflowRegistry } from '../builder/workflow-package';
import { createConsole } from '../console';
import { consoleExtensions, createLocalRuntime, type RegisteredRule } from '../host';
import { UsageError } from './args';
import { serveNotes } from './serve-notes';

export const DEFAULT_PORT = 4599;

export async function serveCommand(argv: string[], registry: WorkflowRegistry): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: '.statecraft' },
      functions: { type: 'string', default: 'functions' },
      clock: { type: 'string', default: 'wall' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not '${values.port}'`);
  if (values.clock !== 'wall' && values.clock !== 'virtual') throw new UsageError(`--clock must be 'wall' or 'virtual', not '${values.clock}'`);
  const dataDir = resolve(values['data-dir']!);
  mkdirSync(dataDir, { recursive: true });

  const runtime = await createLocalRuntime({
    registry,
    dataDir,
    clock: values.clock === 'virtual' ? new VirtualClock() : new WallClock(),
    functionsDir: resolve(values.functions!),
    bus: true,
  });
  const webConsole = createConsole({ engine: runtime.engine, bus: runtime.bus, listenHost: values.host!, ...consoleExtensions(registry, runtime.services.models) });
  const server = await createLocalEndpoint({ ...runtime, bus: runtime.bus! }, { host: values.host, port, front: webConsole.front });
  process.stdout.write(`statecraft listening on ${server.url} (data in ${dataDir})\n`);
  process.stdout.write(`  console: ${webConsole.entryUrl(server.url)}\n`);
  for (const line of describeRegistry(runtime.engine.listStateMachines().stateMachines ?? [], runtime.rules)) process.stdout.write(`  ${line}\n`);
  for (const line of serveNotes(server.url, runtime.bus)) process.stdout.write(`  ${line}\n`);

  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  webConsole.close();
  await runtime.close();
  return 0;
}

function describeRegistry(machines: readonly { name?: string }[], rules: readonly RegisteredRule[]): string[] {
  return [
    `state machines: ${machines.map((machine) => machine.name).join(', ')}`,
    ...rules.map((rule) => `rule ${rule.name} → ${rule.target.workflow}${rule.description ? `: ${rule.description}` : ''}`),
  ];
}
