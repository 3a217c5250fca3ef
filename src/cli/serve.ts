/**
 * `statecraft serve` (what `npm start` runs): the local engine with its AWS-compatible endpoint —
 * Step Functions, EventBridge and S3 on one port — and every workflow of the registry deployed in it.
 * Listens on 127.0.0.1 unless told otherwise; keeps everything under --data-dir.
 *
 * Stopping (SIGINT, SIGTERM) closes the endpoint at once and exits within a few seconds, whatever is
 * still running: the store is durable, so an interrupted task runs again on the next start.
 */
import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLocalEndpoint } from '../api';
import type { RunningServer } from '../api/server';
import { VirtualClock, WallClock } from '../clock/clock';
import type { WorkflowRegistry } from '../builder/workflow-package';
import type { Engine } from '../control/engine';
import { createConsole } from '../console';
import { consoleExtensions, createLocalRuntime, mountPackageEndpoints, type LocalRuntime } from '../host';
import { UsageError } from './args';
import { deployedRules, targetName, type DeployedRule } from './deployed-rules';
import { deployedSchedules, scheduleName, type DeployedSchedule } from './deployed-schedules';
import { serveNotes } from './serve-notes';

export const DEFAULT_PORT = 4599;
/** How long closing may take before the process exits anyway. */
const CLOSE_GRACE_MS = 3000;

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

  // Listening from the start: a signal while the runtime opens stops it as soon as it is open.
  const signals = stopSignals((again) => {
    process.stderr.write(`statecraft: ${again} again, exiting now\n`);
    process.exit(1);
  });
  const clock = values.clock === 'virtual' ? new VirtualClock() : new WallClock();
  const runtime = await createLocalRuntime({ registry, dataDir, clock, functionsDir: resolve(values.functions!), bus: true });
  const webConsole = createConsole({ engine: runtime.engine, bus: runtime.bus, scheduler: runtime.scheduler, listenHost: values.host!, ...consoleExtensions(registry, runtime.services.models) });
  // The packages' own endpoints sit behind the console's guard, beside the AWS APIs.
  const endpoints = mountPackageEndpoints(registry, clock);
  const front = async (req: IncomingMessage, res: ServerResponse) => (await webConsole.front(req, res)) || endpoints.handle(req, res);
  let server: RunningServer;
  try {
    server = await createLocalEndpoint({ ...runtime, bus: runtime.bus! }, { host: values.host, port, front });
    Object.assign(process.env, endpoints.environment(server.url));
  } catch (err) {
    // A port in use: nothing would be served, so nothing may stay open.
    webConsole.close();
    await runtime.close();
    throw err;
  }
  process.stdout.write(`statecraft listening on ${server.url} (data in ${dataDir})\n`);
  process.stdout.write(`  console: ${webConsole.entryUrl(server.url)}\n`);
  const rules = await deployedRules(runtime.bus!);
  const schedules = await deployedSchedules(runtime.scheduler!);
  for (const line of describeDeployment(runtime.engine.listStateMachines().stateMachines ?? [], rules, schedules)) process.stdout.write(`  ${line}\n`);
  for (const line of serveNotes(server.url, runtime.bus)) process.stdout.write(`  ${line}\n`);

  const signal = await signals.first;
  process.stderr.write(`statecraft: ${signal}, stopping: the endpoint no longer accepts requests\n`);
  for (const line of describeRunning(runtime.engine)) process.stderr.write(`  ${line}\n`);
  await withinGrace(stop(server, webConsole, runtime));
  return 0;
}

/**
 * The first SIGINT or SIGTERM resolves `first` (stop gracefully); any later one calls `exitNow`, so a
 * second Ctrl-C does not wait for anything.
 */
export function stopSignals(exitNow: (signal: NodeJS.Signals) => void): { first: Promise<NodeJS.Signals>; dispose(): void } {
  let stopping = false;
  let resolveFirst: (signal: NodeJS.Signals) => void = () => undefined;
  const first = new Promise<NodeJS.Signals>((resolve) => (resolveFirst = resolve));
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return exitNow(signal);
    stopping = true;
    resolveFirst(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    first,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

async function stop(server: RunningServer, webConsole: { close(): void }, runtime: LocalRuntime): Promise<void> {
  await server.close();
  webConsole.close();
  await runtime.close();
}

/** Closing waits for no task; if it should hang anyway, the process still exits. */
function withinGrace(closing: Promise<void>): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(() => {
      process.stderr.write('statecraft: closing took too long, exiting\n');
      done();
    }, CLOSE_GRACE_MS);
    closing.then(
      () => (clearTimeout(timer), done()),
      (err: unknown) => {
        clearTimeout(timer);
        process.stderr.write(`statecraft: while closing: ${(err as Error)?.message ?? String(err)}\n`);
        done();
      },
    );
  });
}

/** The executions the stop interrupts: they continue from their last recorded step on the next start. */
export function describeRunning(engine: Pick<Engine, 'listStateMachines' | 'listExecutions'>): string[] {
  const running = (engine.listStateMachines().stateMachines ?? []).flatMap(
    (machine) => engine.listExecutions({ stateMachineArn: machine.stateMachineArn, statusFilter: 'RUNNING' }).executions ?? [],
  );
  if (running.length === 0) return ['no execution is running'];
  return [
    `${running.length} execution${running.length === 1 ? ' is' : 's are'} still running; each continues from its last recorded step on the next start:`,
    ...running.map((execution) => `  ${execution.executionArn}`),
  ];
}

/** The start banner's list: every state machine, every rule on every bus and every schedule, the user's as well as the registry's. */
export function describeDeployment(machines: readonly { name?: string }[], rules: readonly DeployedRule[], schedules: readonly DeployedSchedule[] = []): string[] {
  return [
    `state machines: ${machines.map((machine) => machine.name).join(', ') || 'none'}`,
    ...rules.map(
      (rule) =>
        `rule ${rule.bus === 'default' ? '' : `${rule.bus}/`}${rule.name} → ${rule.targetArns.map(targetName).join(', ') || 'no target'}${rule.state === 'DISABLED' ? ' (disabled)' : ''}: ${rule.description ?? rule.trigger}`,
    ),
    ...schedules.map(
      (schedule) => `schedule ${scheduleName(schedule)} → ${targetName(schedule.targetArn)}${schedule.state === 'DISABLED' ? ' (disabled)' : ''}: ${schedule.trigger}${schedule.description ? ` — ${schedule.description}` : ''}`,
    ),
  ];
}
