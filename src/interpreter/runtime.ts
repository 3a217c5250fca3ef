/**
 * What a running state can reach: its execution, its branch (frame) and the injected services.
 * The interpreter core never touches the disk, the network or the wall clock itself.
 */
import type { StateMachineDefinition, QueryLanguage } from '../asl/definition';
import type { Json, JsonObject } from '../asl/json';
import type { Clock } from '../clock/clock';
import type { HistoryRecorder } from './history/recorder';
import type { TaskServices } from './integrations/services';

export interface ExecutionInfo {
  executionArn: string;
  name: string;
  stateMachineArn: string;
  stateMachineName: string;
  roleArn: string;
  input: Json;
  /** The input exactly as given to StartExecution; ExecutionStarted shows this text. */
  inputText?: string;
  startTime: number;
  redriveCount: number;
  region: string;
  account: string;
  type: 'STANDARD' | 'EXPRESS';
}

export interface ExecutionRuntime {
  readonly info: ExecutionInfo;
  readonly definition: StateMachineDefinition;
  readonly clock: Clock;
  readonly recorder: HistoryRecorder;
  readonly services: TaskServices;
  /** Aborted when the execution is stopped or times out: every wait and task listens to it. */
  readonly signal: AbortSignal;
  /** A fresh id for task tokens and request ids. */
  newId(): string;
  /**
   * A recorder for a child execution's own history (a distributed Map's items), resuming what it
   * recorded; `durable` false (EXPRESS children) records nothing, as AWS keeps no EXPRESS history.
   */
  childRecorder(executionArn: string, durable: boolean): HistoryRecorder;
  /** Randomness for retry jitter: injected so that tests and replays can fix it. */
  random(): number;
}

/** Map-iteration fields of the context object. */
export interface MapContext {
  Item: { Index: number; Value: Json; Source?: string };
}

/**
 * One running branch: the top-level states, a Parallel branch or a Map iteration.
 * `path` prefixes the keys of every event the branch emits (see HistoryRecorder).
 */
export class Frame {
  step = 0;
  /**
   * A Parallel branch: when it fails or is cancelled, the state still running in it is recorded as
   * aborted (`TaskStateAborted`, …), as AWS does when it stops a Parallel state's branches.
   */
  recordsAbortedStates = false;
  constructor(
    readonly path: string,
    /** Id of the last event in this branch: the next event's previousEventId. */
    public lastEventId: number,
    /** The variables in scope; inner scopes inherit from outer ones through the prototype chain. */
    public variables: Record<string, Json>,
    readonly queryLanguage: QueryLanguage,
    readonly map?: MapContext,
  ) {}

  nextStepKey(): string {
    return `${this.path}/${this.step++}`;
  }

  assign(values: JsonObject): void {
    for (const k in values) this.variables[k] = values[k];
  }
}

export interface StateContext {
  readonly rt: ExecutionRuntime;
  readonly frame: Frame;
  readonly stateName: string;
  readonly stepKey: string;
  readonly enteredEventId: number;
  readonly enteredPreviousEventId: number;
  readonly enteredTime: number;
  readonly queryLanguage: QueryLanguage;
}
