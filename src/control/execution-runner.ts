/**
 * Runs executions on the interpreter and records how they end. STANDARD executions write their
 * history to the durable sink and can be resumed from it; EXPRESS executions keep nothing.
 */
import type { StateMachineDefinition } from '../asl/definition';
import type { Json } from '../asl/json';
import type { Clock } from '../clock/clock';
import { ExecutionStopped, runExecution, type ExecutionResult } from '../interpreter/execution';
import type { StoredEvent } from '../interpreter/history/events';
import { DiscardHistorySink } from '../interpreter/history/sink';
import type { TaskServices } from '../interpreter/integrations/services';
import type { ExecutionInfo } from '../interpreter/runtime';
import type { ExecutionRecord, ExecutionStore, SqliteHistorySink } from '../store';
import type { Location } from './names';

interface Running {
  stop: AbortController;
  done: Promise<ExecutionResult>;
}

/**
 * A STANDARD execution started or ended, what EventBridge's "Step Functions Execution Status
 * Change" events are built from. Dates are epoch milliseconds; input and output are JSON text.
 */
export interface ExecutionStatusChange {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionResult['status'] | 'RUNNING';
  startDate: number;
  stopDate?: number;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  redriveCount: number;
}

export type ExecutionStatusListener = (change: ExecutionStatusChange) => void;

/** Why the engine aborts its executions when it closes: not a stop, so nothing is recorded. */
class EngineClosed extends Error {}

export class ExecutionRunner {
  private readonly running = new Map<string, Running>();
  private closed = false;

  constructor(
    private readonly store: ExecutionStore,
    private readonly sink: SqliteHistorySink,
    private readonly clock: Clock,
    private readonly location: Location,
    private readonly services: () => TaskServices,
    private readonly onStatusChange?: ExecutionStatusListener,
  ) {}

  /** Starts (or, given its recorded events, resumes) an execution; resolves when it ends. */
  launch(record: ExecutionRecord, previousEvents?: StoredEvent[]): Promise<ExecutionResult> {
    const durable = record.type === 'STANDARD';
    // A resumed execution already announced its start before the restart.
    if (durable && !isResume(previousEvents)) this.announce(record, { status: 'RUNNING' });
    const stop = new AbortController();
    const done = runExecution({
      info: executionInfo(record, this.location),
      definition: JSON.parse(record.definition) as StateMachineDefinition,
      clock: this.clock,
      sink: durable ? this.sink : new DiscardHistorySink(),
      keepDetails: durable,
      services: this.services(),
      previousEvents,
      loadHistory: (arn) => this.sink.load(arn),
      stop: stop.signal,
    }).then((result) => {
      this.running.delete(record.arn);
      if (durable && !this.closed) {
        const fields = resultFields(result);
        this.store.finish(record.arn, { ...fields, stopDate: result.stopTime });
        this.announce(record, { ...fields, stopDate: result.stopTime });
      }
      return result;
    });
    this.running.set(record.arn, { stop, done });
    return done;
  }

  private announce(record: ExecutionRecord, change: Pick<ExecutionStatusChange, 'status' | 'stopDate' | 'output' | 'error' | 'cause'>): void {
    if (!this.onStatusChange) return;
    const { arn, stateMachineArn, name, startDate, input, redriveCount } = record;
    try {
      this.onStatusChange({ executionArn: arn, stateMachineArn, name, startDate, input, redriveCount, ...change });
    } catch (error) {
      // Status events are best effort on AWS too: a failing listener must not fail the execution.
      console.error('execution status listener failed', error);
    }
  }

  /** Continues every STANDARD execution that was running when the process stopped. */
  resumeAll(): void {
    for (const record of this.store.running()) this.launch(record, this.sink.load(record.arn));
  }

  isRunning(arn: string): boolean {
    return this.running.has(arn);
  }

  /** Resolves when the execution ends (at once when it already has). */
  completion(arn: string): Promise<ExecutionResult> | undefined {
    return this.running.get(arn)?.done;
  }

  async stop(arn: string, error?: string, cause?: string): Promise<ExecutionResult | undefined> {
    const run = this.running.get(arn);
    if (!run) return undefined;
    run.stop.abort(new ExecutionStopped(error, cause));
    return run.done;
  }

  /** Stops running work without recording anything, as if the process had been killed. */
  close(): void {
    this.closed = true;
    for (const run of this.running.values()) run.stop.abort(new EngineClosed());
    this.running.clear();
  }
}

/** Resumed runs replay events ending before an end; a redrive's events end with ExecutionRedriven. */
function isResume(previousEvents: StoredEvent[] | undefined): boolean {
  return previousEvents !== undefined && previousEvents[previousEvents.length - 1]?.type !== 'ExecutionRedriven';
}

export function resultFields(result: ExecutionResult): { status: ExecutionResult['status']; output?: string; error?: string; cause?: string } {
  return {
    status: result.status,
    ...(result.status === 'SUCCEEDED' ? { output: JSON.stringify(result.output ?? null) } : {}),
    ...(result.error !== undefined ? { error: result.error } : {}),
    ...(result.cause !== undefined ? { cause: result.cause } : {}),
  };
}

function executionInfo(record: ExecutionRecord, location: Location): ExecutionInfo {
  return {
    executionArn: record.arn,
    name: record.name,
    stateMachineArn: record.stateMachineArn,
    stateMachineName: record.stateMachineArn.split(':').pop()!,
    roleArn: record.roleArn,
    input: JSON.parse(record.input) as Json,
    inputText: record.input,
    startTime: record.startDate,
    redriveCount: record.redriveCount,
    region: location.region,
    account: location.account,
    type: record.type,
  };
}
