/** An Engine, an EventBus and a Scheduler behind one real HTTP server on 127.0.0.1, with SDK clients pointed at it. */
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SFNClient } from '@aws-sdk/client-sfn';
import { createLocalEndpoint, type RunningServer } from '../../../src/api';
import { VirtualClock, type Clock } from '../../../src/clock/clock';
import { Engine } from '../../../src/control';
import { EventBus } from '../../../src/events/bus';
import { Scheduler } from '../../../src/events/scheduler';
import type { LambdaInvoker } from '../../../src/interpreter/integrations/services';
import { ObjectStore } from '../../../src/objects';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeLambda, type FakeFunction } from '../sfn-harness';

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
export const ROLE = 'arn:aws:iam::000000000000:role/scheduler';

export interface SchedulerHarness {
  clock: Clock;
  engine: Engine;
  bus: EventBus;
  scheduler: Scheduler;
  server: RunningServer;
  client: SchedulerClient;
  sfn: SFNClient;
  close(): Promise<void>;
}

export interface HarnessOptions {
  functions?: Record<string, FakeFunction>;
  lambda?: LambdaInvoker;
  clock?: Clock;
  random?: () => number;
}

/** The same wiring as `statecraft serve` (createLocalEndpoint), S3 included, so routing is tested too. */
export async function startSchedulerHarness(options: HarnessOptions = {}): Promise<SchedulerHarness> {
  const clock = options.clock ?? new VirtualClock(Date.UTC(2024, 0, 1));
  const lambda = options.lambda ?? fakeLambda(options.functions ?? {});
  const bus = new EventBus({ clock, lambda });
  const engine = new Engine({ clock, lambda, events: bus.taskPublisher, onExecutionStatusChange: bus.executionStatusListener });
  const scheduler = new Scheduler({ clock, lambda, bus, ...(options.random ? { random: options.random } : {}) });
  bus.start(engine);
  scheduler.start(engine);
  const objectsDir = mkdtempSync(join(tmpdir(), 'statecraft-scheduler-s3-'));
  const objects = await ObjectStore.open({ dataDir: objectsDir, region: 'us-east-1', account: '000000000000' });
  const server = await createLocalEndpoint({ engine, objects, bus, scheduler });
  const client = new SchedulerClient({ endpoint: server.url, region: 'us-east-1', credentials: CREDENTIALS, maxAttempts: 1 });
  const sfn = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: CREDENTIALS });
  return {
    clock,
    engine,
    bus,
    scheduler,
    server,
    client,
    sfn,
    async close() {
      client.destroy();
      sfn.destroy();
      await server.close();
      scheduler.close();
      bus.close();
      engine.close();
      objects.close();
      rmSync(objectsDir, { recursive: true, force: true });
    },
  };
}

export { expectAwsError } from '../events/harness';
