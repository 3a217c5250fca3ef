/** An Engine and an EventBus behind one real HTTP server on 127.0.0.1, with real SDK clients pointed at it. */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type RunningServer } from '../../../src/api';
import { createEventsHandler } from '../../../src/api/events';
import { createS3Handler } from '../../../src/api/s3';
import { ObjectStore } from '../../../src/objects';
import { VirtualClock, type Clock } from '../../../src/clock/clock';
import { Engine } from '../../../src/control';
import { EventBus } from '../../../src/events/bus';
import type { LambdaInvoker } from '../../../src/interpreter/integrations/services';
import { fakeLambda, type FakeFunction } from '../sfn-harness';

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface EventsHarness {
  clock: Clock;
  engine: Engine;
  bus: EventBus;
  server: RunningServer;
  eb: EventBridgeClient;
  sfn: SFNClient;
  /** Only with `objects: true`: S3 on the same endpoint, its store publishing to the bus. */
  s3?: S3Client;
  close(): Promise<void>;
}

export interface HarnessOptions {
  functions?: Record<string, FakeFunction>;
  lambda?: LambdaInvoker;
  clock?: Clock;
  region?: string;
  account?: string;
  /** Serve S3 too, from an object store in a temporary directory wired to the bus. */
  objects?: boolean;
}

export async function startEventsHarness(options: HarnessOptions = {}): Promise<EventsHarness> {
  const clock = options.clock ?? new VirtualClock(Date.UTC(2024, 0, 1));
  const lambda = options.lambda ?? fakeLambda(options.functions ?? {});
  const location = { region: options.region ?? 'us-east-1', account: options.account ?? '000000000000' };
  const bus = new EventBus({ clock, lambda, ...location });
  const engine = new Engine({ clock, lambda, ...location, events: bus.taskPublisher, onExecutionStatusChange: bus.executionStatusListener });
  bus.start(engine);
  const objectsDir = options.objects ? mkdtempSync(join(tmpdir(), 'statecraft-events-s3-')) : undefined;
  const objects = objectsDir ? await ObjectStore.open({ dataDir: objectsDir, ...location, onEvent: (event) => bus.publish(event) }) : undefined;
  const server = await createServer(engine, {
    targets: { AWSEvents: createEventsHandler(bus) },
    ...(objects ? { s3Handler: createS3Handler(objects, location) } : {}),
  });
  // One attempt: the SDK would otherwise retry LimitExceededException as throttling.
  const eb = new EventBridgeClient({ endpoint: server.url, region: location.region, credentials: CREDENTIALS, maxAttempts: 1 });
  const sfn = new SFNClient({ endpoint: server.url, region: location.region, credentials: CREDENTIALS });
  const s3 = objects ? new S3Client({ endpoint: server.url, region: location.region, forcePathStyle: true, credentials: CREDENTIALS }) : undefined;
  return {
    clock,
    engine,
    bus,
    server,
    eb,
    sfn,
    ...(s3 ? { s3 } : {}),
    async close() {
      eb.destroy();
      sfn.destroy();
      s3?.destroy();
      await server.close();
      bus.close();
      engine.close();
      objects?.close();
      if (objectsDir) rmSync(objectsDir, { recursive: true, force: true });
    },
  };
}

export { eventually } from '../../support/eventually';

export async function expectAwsError(promise: Promise<unknown>, name: string, message?: string | RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err as { name: string; message: string },
  );
  expect(error).toBeDefined();
  expect(error!.name).toBe(name);
  if (message !== undefined) expect(error!.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
}
