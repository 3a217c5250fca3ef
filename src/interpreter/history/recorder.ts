import type { Clock } from '../../clock/clock';
import { MAX_HISTORY_EVENTS } from '../limits';
import type { StoredEvent } from './events';
import { rememberedText } from './raw-text';
import type { HistorySink } from './sink';

type Details = Record<string, unknown>;

/**
 * The execution's history is full: AWS fails a STANDARD execution with States.Runtime, its
 * ExecutionFailed event being the 25,000th. Not a StatesError, so that no Retry or Catch of a state
 * can intercept it.
 */
export class HistoryLimitReached extends Error {
  constructor(limit: number = MAX_HISTORY_EVENTS) {
    super(`The execution reached the maximum number of history events (${limit}).`);
    this.name = 'HistoryLimitReached';
  }
}

/** The events that end an execution: the last slot of a full history is kept for them. */
const CLOSING_EVENTS = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionTimedOut', 'ExecutionAborted']);

/**
 * Numbers and records one execution's events.
 *
 * Every event is emitted under a deterministic key (the branch path, the step number within it and
 * the event's role). After a crash the execution is run again from its start: an event whose key was
 * already recorded is not written again, and the caller gets the recorded event back, with its
 * timestamp and private `meta` (a completed state's output and next state), so completed work is
 * never repeated.
 */
export class HistoryRecorder {
  private nextId = 1;
  private readonly recorded: Map<string, StoredEvent>;

  constructor(
    readonly executionArn: string,
    private readonly sink: HistorySink,
    private readonly clock: Clock,
    /** false for sinks nobody reads: details are then never built. */
    readonly keepsDetails: boolean,
    previous: StoredEvent[] = [],
    /** AWS bounds a STANDARD execution's history; EXPRESS executions keep none, so nothing bounds theirs. */
    private readonly maxEvents = Infinity,
  ) {
    this.recorded = new Map(previous.map((e) => [e.key, e]));
    for (const e of previous) this.nextId = Math.max(this.nextId, e.id + 1);
  }

  get lastId(): number {
    return this.nextId - 1;
  }

  /** Whether this run resumes a recorded history (so keys are worth looking up). */
  get replaying(): boolean {
    return this.recorded.size > 0;
  }

  /** The event recorded under this key before a restart, if any. */
  replayed(key: string): StoredEvent | undefined {
    return this.recorded.size === 0 ? undefined : this.recorded.get(key);
  }

  emit(key: string, type: string, previousEventId: number, details?: () => Details, meta?: Details): StoredEvent {
    const old = this.replayed(key);
    if (old) return old;
    if (this.nextId >= this.maxEvents && !CLOSING_EVENTS.has(type)) throw new HistoryLimitReached(this.maxEvents);
    const event: StoredEvent = {
      id: this.nextId++,
      previousEventId,
      timestamp: this.clock.now(),
      type,
      key,
      details: details && this.keepsDetails ? details() : undefined,
      meta,
    };
    this.sink.append(this.executionArn, event);
    return event;
  }

  flush(): void {
    this.sink.flush();
  }
}

/**
 * A state's input or output. It is kept as the value itself and becomes JSON text only where AWS's
 * shape is rendered (toAwsEvent): stored as text it would be escaped a second time inside the row.
 */
export function dataDetails(field: 'input' | 'output', value: unknown): Details {
  const details: Details =
    field === 'input' ? { input: value ?? null, inputDetails: NOT_TRUNCATED } : { output: value ?? null, outputDetails: NOT_TRUNCATED };
  const text = rememberedText(value);
  if (text !== undefined) details[`${field}Text`] = text;
  return details;
}

const NOT_TRUNCATED = Object.freeze({ truncated: false });
