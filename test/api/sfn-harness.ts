/** An Engine behind a real HTTP server on 127.0.0.1, and the real SFN client pointed at it. */
import { SFNClient } from '@aws-sdk/client-sfn';
import type { Json } from '../../src/asl/json';
import { VirtualClock, type Clock } from '../../src/clock/clock';
import { Engine } from '../../src/control';
import { errorPayload } from '../../src/control/functions';
import type { LambdaInvoker } from '../../src/interpreter/integrations/services';
import { createServer, type RunningServer } from '../../src/api';

export type FakeFunction = (event: unknown) => unknown;

/** Lambda functions as plain closures, answered the way Lambda answers. */
export function fakeLambda(functions: Record<string, FakeFunction>): LambdaInvoker {
  return {
    async invoke(name, payload) {
      const fn = functions[name];
      if (!fn) throw new Error(`no fake function ${name}`);
      try {
        return { payload: JSON.stringify((await fn(payload)) ?? null), executedVersion: '$LATEST' };
      } catch (err) {
        return { payload: JSON.stringify(errorPayload(err)), functionError: 'Unhandled', executedVersion: '$LATEST' };
      }
    },
  };
}

export interface Harness {
  engine: Engine;
  server: RunningServer;
  sfn: SFNClient;
  close(): Promise<void>;
}

export async function startHarness(functions: Record<string, FakeFunction> = {}, clock: Clock = new VirtualClock(Date.UTC(2024, 0, 1))): Promise<Harness> {
  const engine = new Engine({ clock, lambda: fakeLambda(functions) });
  const server = await createServer(engine);
  // StartSyncExecution and TestState would otherwise go to a `sync-` host prefix, which localhost lacks.
  const sfn = new SFNClient({ endpoint: server.url, disableHostPrefix: true, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  return {
    engine,
    server,
    sfn,
    async close() {
      sfn.destroy();
      await server.close();
      engine.close();
    },
  };
}

export const ROLE = 'arn:aws:iam::000000000000:role/statecraft';

export function definition(states: Record<string, Json>, startAt = Object.keys(states)[0]): string {
  return JSON.stringify({ StartAt: startAt, States: states });
}

export function lambdaArn(name: string): string {
  return `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
}

/** Waits until the engine has finished the execution (it runs in the background of the server). */
export async function finished(h: Harness, executionArn: string): Promise<void> {
  await h.engine.waitForExecution(executionArn);
}

export async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (err) {
    const e = err as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}
