/** Runs a definition on the interpreter in memory, with the services a test gives it. */
import type { StateMachineDefinition } from '../../src/asl/definition';
import type { Json } from '../../src/asl/json';
import { WallClock, type Clock } from '../../src/clock/clock';
import { runExecution, type ExecutionResult } from '../../src/interpreter/execution';
import type { StoredEvent } from '../../src/interpreter/history/events';
import { MemoryHistorySink } from '../../src/interpreter/history/sink';
import type { LambdaInvoker, TaskServices } from '../../src/interpreter/integrations/services';

export const EXECUTION_ARN = 'arn:aws:states:us-east-1:123456789012:execution:machine:run';

export interface MachineRun extends ExecutionResult {
  events: StoredEvent[];
  sink: MemoryHistorySink;
}

/** A Lambda that returns what `handle` returns for the function's name and payload. */
export function lambdaOf(handle: (name: string, payload: Json | undefined) => Json | Promise<Json>): LambdaInvoker {
  return {
    async invoke(name, payload) {
      return { payload: JSON.stringify(await handle(name, payload)), executedVersion: '$LATEST' };
    },
  };
}

export async function runMachine(
  definition: StateMachineDefinition,
  input: Json,
  options: { services?: Partial<TaskServices>; clock?: Clock; random?: () => number; type?: 'STANDARD' | 'EXPRESS' } = {},
): Promise<MachineRun> {
  const sink = new MemoryHistorySink();
  const clock = options.clock ?? new WallClock();
  const result = await runExecution({
    info: {
      executionArn: EXECUTION_ARN,
      name: 'run',
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:machine',
      stateMachineName: 'machine',
      roleArn: 'arn:aws:iam::123456789012:role/r',
      input,
      startTime: clock.now(),
      redriveCount: 0,
      region: 'us-east-1',
      account: '123456789012',
      type: options.type ?? 'STANDARD',
    },
    definition,
    clock,
    sink,
    services: { lambda: lambdaOf(() => null), ...options.services },
    random: options.random,
  });
  return { ...result, events: sink.events.get(EXECUTION_ARN) ?? [], sink };
}
