/**
 * The context a package command runs with: SDK clients for its endpoint (destroyed when it ends),
 * stdout and stderr, workflows run with progress, and a fresh local runtime on request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createLocalEndpoint } from '../api';
import type { AwsClientClass, CommandContext, LocalCommandHost, LocalRuntimeRequest, StateTiming } from '../builder/package-command';
import type { WorkflowRegistry } from '../builder/workflow-package';
import { VirtualClock, WallClock } from '../clock/clock';
import type { HistoryObserver } from '../control/observed-history-sink';
import { createLocalRuntime, mountPackageEndpoints } from '../host';
import { localClientConfig } from './endpoint';
import { runAndFollow } from './follow-execution';

export interface HostedContext extends CommandContext {
  /** Destroys the clients it made and closes the local runtimes it started. */
  dispose(): Promise<void>;
}

export function commandContext(registry: WorkflowRegistry, endpoint: string): HostedContext {
  const clients: Array<{ destroy?: () => void }> = [];
  const locals: LocalCommandHost[] = [];
  const context: HostedContext = {
    registry,
    endpoint,
    client<C>(Client: AwsClientClass<C>): C {
      const client = new Client({ ...localClientConfig(endpoint), forcePathStyle: true });
      clients.push(client as { destroy?: () => void });
      return client;
    },
    print: (text) => void process.stdout.write(text),
    progress: (line) => void process.stderr.write(`${line}\n`),
    runWorkflow: (workflow, input, options = {}) => runAndFollow(context.client(SFNClient), workflow, input, { name: options.name, onProgress: options.quiet ? undefined : context.progress }),
    async startLocal(request) {
      const host = await startLocalHost(registry, request);
      locals.push(host);
      return host;
    },
    async dispose() {
      for (const client of clients.splice(0)) client.destroy?.();
      for (const host of locals.splice(0)) await host.close();
    },
  };
  return context;
}

/**
 * A runtime with every workflow of the registry and the bus, behind its own endpoint on a free port,
 * the packages' endpoints mounted beside the AWS APIs as `statecraft serve` mounts them.
 */
async function startLocalHost(registry: WorkflowRegistry, request: LocalRuntimeRequest = {}): Promise<LocalCommandHost> {
  const temporary = request.dataDir === undefined ? mkdtempSync(join(tmpdir(), 'statecraft-local-')) : undefined;
  const dataDir = resolve(request.dataDir ?? temporary!);
  const clock = request.clock === 'virtual' ? new VirtualClock(request.startAt) : new WallClock();
  // Time starts when the command has the host: no schedule fires while the endpoint is still opening.
  const starting = clock instanceof VirtualClock ? clock.hold() : () => undefined;
  const runtime = await createLocalRuntime({ registry, dataDir, clock, bus: true, ...(request.onStateTimed ? { onHistoryEvent: stateTimer(request.onStateTimed) } : {}) });
  const endpoints = mountPackageEndpoints(registry, clock);
  const server = await createLocalEndpoint({ ...runtime, bus: runtime.bus! }, { front: (req, res) => endpoints.handle(req, res) }).catch(async (err: unknown) => {
    starting();
    await runtime.close();
    throw err;
  });
  // In-process task handlers find the endpoints in process.env, as under `statecraft serve`.
  Object.assign(process.env, endpoints.environment(server.url));
  const context = commandContext(registry, server.url);
  starting();
  return {
    context,
    now: () => clock.now(),
    sleepUntil: (atMs) => clock.sleepUntil(atMs),
    hold: () => (clock instanceof VirtualClock ? clock.hold() : () => undefined),
    async close() {
      await context.dispose();
      await server.close();
      await runtime.close();
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}

/**
 * Pairs each state's entry and exit by the step key the interpreter gives both (`<step>:e`, `<step>:x`),
 * so concurrent iterations of one Map state are timed apart, and tells the real time between them.
 */
function stateTimer(tell: (timing: StateTiming) => void): HistoryObserver {
  const entered = new Map<string, number>();
  return (executionArn, event) => {
    const step = `${executionArn} ${event.key.slice(0, event.key.lastIndexOf(':'))}`;
    if (event.type.endsWith('StateEntered')) entered.set(step, performance.now());
    else if (event.type.endsWith('StateExited')) {
      const start = entered.get(step);
      if (start === undefined) return;
      entered.delete(step);
      tell({ workflow: executionArn.split(':')[6] ?? '', state: String(event.details?.name ?? ''), realMs: performance.now() - start });
    }
  };
}
