/** A bus on a virtual clock with in-process Lambda functions that record what they receive and when. */
import { VirtualClock } from '../../../src/clock/clock';
import { errorPayload } from '../../../src/control/functions';
import { EventBus, type EventBusOptions } from '../../../src/events/bus';
import type { LambdaInvoker } from '../../../src/interpreter/integrations/services';

export const START = Date.UTC(2024, 0, 1); // a Monday, 00:00 UTC

export interface Call {
  functionName: string;
  payload: unknown;
  atMs: number;
}

export type Behaviour = (payload: unknown, call: number) => unknown;

/** Functions answered like Lambda (a thrown error becomes an Unhandled function error); every call is recorded. */
export function recordingLambda(clock: VirtualClock, behaviours: Record<string, Behaviour> = {}): { lambda: LambdaInvoker; calls: Call[] } {
  const calls: Call[] = [];
  const lambda: LambdaInvoker = {
    async invoke(functionName, payload) {
      calls.push({ functionName, payload, atMs: clock.now() });
      const count = calls.filter((c) => c.functionName === functionName).length;
      try {
        return { payload: JSON.stringify((await behaviours[functionName]?.(payload, count)) ?? null), executedVersion: '$LATEST' };
      } catch (err) {
        return { payload: JSON.stringify(errorPayload(err)), functionError: 'Unhandled', executedVersion: '$LATEST' };
      }
    },
  };
  return { lambda, calls };
}

export function newBus(options: Partial<EventBusOptions> & { behaviours?: Record<string, Behaviour> } = {}) {
  const clock = (options.clock as VirtualClock | undefined) ?? new VirtualClock(START);
  const { lambda, calls } = recordingLambda(clock, options.behaviours);
  const bus = new EventBus({ clock, lambda, ...options });
  return { bus, clock, calls };
}

export function lambdaArn(name: string): string {
  return `arn:aws:lambda:us-east-1:000000000000:function:${name}`;
}

/** Polls on real time while the virtual clock runs ahead on its own. */
export async function until<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const ENTRY = { Source: 'my.app', DetailType: 'Thing Happened', Detail: '{"n":1}' };
export const PATTERN = JSON.stringify({ source: ['my.app'] });
