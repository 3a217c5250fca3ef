/** Runs a definition in memory on a virtual clock, with Lambda functions as plain functions, for state-level tests. */
import type { StateMachineDefinition } from '../../src/asl/definition';
import type { Json } from '../../src/asl/json';
import { VirtualClock } from '../../src/clock/clock';
import { runExecution, type ExecutionResult } from '../../src/interpreter/execution';
import { toAwsEvent } from '../../src/interpreter/history/events';
import { MemoryHistorySink } from '../../src/interpreter/history/sink';
import type { TaskServices } from '../../src/interpreter/integrations/services';

export interface Run {
  result: ExecutionResult;
  /** The history in GetExecutionHistory's shape. */
  events: Record<string, unknown>[];
}

export type TestFunction = (payload: Json | undefined) => Json;

const ARN = 'arn:aws:states:us-east-1:000000000000:execution:machine:run';

export async function runDefinition(
  definition: unknown,
  input: Json = {},
  options: { functions?: Record<string, TestFunction>; inputText?: string } = {},
): Promise<Run> {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const sink = new MemoryHistorySink();
  const functions = options.functions ?? {};
  const lambda = {
    invoke: async (name: string, payload: Json | undefined) => {
      try {
        return { payload: JSON.stringify(functions[name]?.(payload) ?? payload ?? null), executedVersion: '$LATEST' };
      } catch (err) {
        // A function that throws answers as Lambda does for an unhandled error.
        const body = { errorType: (err as Error).name, errorMessage: (err as Error).message };
        return { payload: JSON.stringify(body), functionError: 'Unhandled', executedVersion: '$LATEST' };
      }
    },
  };
  const result = await runExecution({
    info: {
      executionArn: ARN,
      name: 'run',
      stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:machine',
      stateMachineName: 'machine',
      roleArn: 'arn:aws:iam::000000000000:role/test',
      input,
      inputText: options.inputText ?? JSON.stringify(input),
      startTime: clock.now(),
      redriveCount: 0,
      region: 'us-east-1',
      account: '000000000000',
      type: 'STANDARD',
    },
    definition: definition as StateMachineDefinition,
    clock,
    sink,
    services: { lambda } as unknown as TaskServices,
  });
  return { result, events: (sink.events.get(ARN) ?? []).map((e) => toAwsEvent(e)) };
}

/** `type(previousEventId)` for each event: the shape of a history, compactly. */
export function shape(events: Record<string, unknown>[]): string[] {
  return events.map((e) => `${e.id}:${e.type}<${e.previousEventId}`);
}

/** The details object of an event, whatever its type. */
export function detailsOf(event: Record<string, unknown> | undefined): Record<string, unknown> {
  const key = Object.keys(event ?? {}).find((k) => k.endsWith('EventDetails'));
  return key ? ((event as Record<string, Record<string, unknown>>)[key] ?? {}) : {};
}
