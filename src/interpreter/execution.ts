/**
 * Runs one execution from ExecutionStarted to its final event. Re-running it over its recorded
 * history resumes it: recorded steps are replayed from the history, not executed again.
 */
import { randomUUID } from 'node:crypto';
import type { StateMachineDefinition } from '../asl/definition';
import type { Json } from '../asl/json';
import { StatesError, StatesErrors } from '../asl/errors';
import type { Clock } from '../clock/clock';
import { runBranch } from './branch';
import type { StoredEvent } from './history/events';
import { rememberText } from './history/raw-text';
import { HistoryRecorder, dataDetails } from './history/recorder';
import { DiscardHistorySink, type HistorySink } from './history/sink';
import type { TaskServices } from './integrations/services';
import { MAX_HISTORY_EVENTS } from './limits';
import { TerminalFailure } from './payload-limit';
import { Frame, type ExecutionInfo, type ExecutionRuntime } from './runtime';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionResult {
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  output?: Json;
  error?: string;
  cause?: string;
  stopTime: number;
}

/** Why an execution was stopped from outside (StopExecution). */
export class ExecutionStopped extends Error {
  constructor(readonly error?: string, readonly stopCause?: string) {
    super('execution stopped');
  }
}

class ExecutionTimedOut extends Error {}

export interface RunExecutionOptions {
  info: ExecutionInfo;
  definition: StateMachineDefinition;
  clock: Clock;
  sink: HistorySink;
  services: TaskServices;
  /** false when nobody reads the history (in-memory EXPRESS): event details are never built. */
  keepDetails?: boolean;
  /** The history recorded before a restart; the run resumes from it. */
  previousEvents?: StoredEvent[];
  /** Aborting it with an ExecutionStopped stops the execution. */
  stop?: AbortSignal;
  /** Reads a child execution's recorded history (distributed Map items) when resuming. */
  loadHistory?: (executionArn: string) => StoredEvent[];
  /** Randomness for retry jitter (JitterStrategy FULL). @default Math.random */
  random?: () => number;
  /**
   * Most events the history may hold before the execution fails, as AWS bounds STANDARD histories.
   * @default MAX_HISTORY_EVENTS for a STANDARD execution, none for an EXPRESS one
   */
  historyLimit?: number;
}

/** EXPRESS children of a distributed Map keep no history: one shared sink drops their events. */
const DISCARD = new DiscardHistorySink();

export async function runExecution(options: RunExecutionOptions): Promise<ExecutionResult> {
  const { info, definition, clock } = options;
  const historyLimit = options.historyLimit ?? (info.type === 'STANDARD' ? MAX_HISTORY_EVENTS : Infinity);
  const recorder = new HistoryRecorder(info.executionArn, options.sink, clock, options.keepDetails ?? true, options.previousEvents, historyLimit);
  const controller = new AbortController();
  const onStop = () => controller.abort(options.stop!.reason);
  options.stop?.addEventListener('abort', onStop, { once: true });
  const keepDetails = options.keepDetails ?? true;
  const childRecorder = (arn: string, durable: boolean) =>
    durable
      ? new HistoryRecorder(arn, options.sink, clock, keepDetails, recorder.replaying ? options.loadHistory?.(arn) : undefined, historyLimit)
      : new HistoryRecorder(arn, DISCARD, clock, false);
  const random = options.random ?? Math.random;
  const rt: ExecutionRuntime = {
    info,
    definition,
    clock,
    recorder,
    services: options.services,
    signal: controller.signal,
    newId: randomUUID,
    childRecorder,
    random,
  };
  if (info.inputText !== undefined) rememberText(info.input, info.inputText);

  const started = recorder.emit(
    'exec:s',
    'ExecutionStarted',
    0,
    () => ({ ...dataDetails('input', info.input), roleArn: info.roleArn }),
    info.inputText === undefined ? undefined : { inputText: info.inputText },
  );
  const frame = new Frame('', 0, {}, definition.QueryLanguage ?? 'JSONPath');
  const timers = new AbortController();
  try {
    const work = runBranch(rt, definition, info.input, frame);
    // A timeout or stop settles the race first; the branch then unwinds on its own.
    work.catch(() => undefined);
    const output = await Promise.race([work, executionTimeout(rt, definition, started.timestamp, timers.signal), aborted(controller.signal)]);
    recorder.emit('exec:d', 'ExecutionSucceeded', frame.lastEventId, () => dataDetails('output', output));
    return finish(recorder, { status: 'SUCCEEDED', output, stopTime: clock.now() });
  } catch (err) {
    const result = failureResult(err, clock.now());
    controller.abort(err);
    const type = { FAILED: 'ExecutionFailed', TIMED_OUT: 'ExecutionTimedOut', ABORTED: 'ExecutionAborted' }[result.status as 'FAILED'];
    recorder.emit('exec:d', type, frame.lastEventId, () => errorDetails(result));
    return finish(recorder, result);
  } finally {
    timers.abort();
    options.stop?.removeEventListener('abort', onStop);
  }
}

function finish(recorder: HistoryRecorder, result: ExecutionResult): ExecutionResult {
  recorder.flush();
  return result;
}

function errorDetails(result: ExecutionResult): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  if (result.cause !== undefined) d.cause = result.cause;
  if (result.error !== undefined) d.error = result.error;
  return d;
}

function failureResult(err: unknown, now: number): ExecutionResult {
  if (err instanceof ExecutionStopped) return { status: 'ABORTED', error: err.error, cause: err.stopCause, stopTime: now };
  if (err instanceof ExecutionTimedOut) return { status: 'TIMED_OUT', error: StatesErrors.Timeout, stopTime: now };
  if (err instanceof TerminalFailure) return { status: 'FAILED', error: err.error, cause: err.cause, stopTime: now };
  // A Fail state without Error fails with no error name at all.
  if (err instanceof StatesError) return { status: 'FAILED', error: err.error || undefined, cause: err.cause, stopTime: now };
  const message = err instanceof Error ? err.message : String(err);
  return { status: 'FAILED', error: StatesErrors.Runtime, cause: message, stopTime: now };
}

async function executionTimeout(rt: ExecutionRuntime, definition: StateMachineDefinition, startedAt: number, signal: AbortSignal): Promise<never> {
  if (definition.TimeoutSeconds === undefined) return new Promise<never>(() => undefined);
  const woke = await rt.clock.sleepUntil(startedAt + definition.TimeoutSeconds * 1000, signal).then(() => true, () => false);
  if (!woke) return new Promise<never>(() => undefined);
  throw new ExecutionTimedOut();
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
