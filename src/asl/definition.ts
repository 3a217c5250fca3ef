/**
 * The Amazon States Language document, as types. Both query languages share one shape;
 * which fields are legal depends on the state's effective `QueryLanguage`.
 * @see https://states-language.net/spec.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-amazon-states-language.html
 */
import type { Json, JsonObject } from './json';

export type QueryLanguage = 'JSONPath' | 'JSONata';

export interface StateMachineDefinition {
  Comment?: string;
  StartAt: string;
  States: Record<string, State>;
  QueryLanguage?: QueryLanguage;
  TimeoutSeconds?: number;
  Version?: string;
}

export type StateType = 'Task' | 'Pass' | 'Choice' | 'Wait' | 'Succeed' | 'Fail' | 'Parallel' | 'Map';

interface StateBase {
  Type: StateType;
  Comment?: string;
  QueryLanguage?: QueryLanguage;
  /** JSONPath only. */
  InputPath?: string | null;
  OutputPath?: string | null;
  /** JSONata only: a template producing the state's output. */
  Output?: Json;
  Assign?: JsonObject;
}

interface Transition {
  Next?: string;
  End?: boolean;
}

export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

export interface Catcher {
  ErrorEquals: string[];
  Next: string;
  ResultPath?: string | null;
  Output?: Json;
  Assign?: JsonObject;
}

interface ErrorHandling {
  Retry?: Retrier[];
  Catch?: Catcher[];
}

interface ResultHandling {
  Parameters?: Json;
  ResultSelector?: Json;
  ResultPath?: string | null;
  /** JSONata only. */
  Arguments?: Json;
}

export interface PassState extends StateBase, Transition {
  Type: 'Pass';
  Result?: Json;
  ResultPath?: string | null;
  Parameters?: Json;
}

export interface TaskState extends StateBase, Transition, ErrorHandling, ResultHandling {
  Type: 'Task';
  Resource: string;
  TimeoutSeconds?: number | string;
  TimeoutSecondsPath?: string;
  HeartbeatSeconds?: number | string;
  HeartbeatSecondsPath?: string;
  Credentials?: Json;
}

export interface ChoiceRule {
  Variable?: string;
  And?: ChoiceRule[];
  Or?: ChoiceRule[];
  Not?: ChoiceRule;
  /** JSONata only. */
  Condition?: string | boolean;
  Next?: string;
  Assign?: JsonObject;
  Output?: Json;
  [operator: string]: Json | ChoiceRule | ChoiceRule[] | undefined;
}

export interface ChoiceState extends StateBase {
  Type: 'Choice';
  Choices: ChoiceRule[];
  Default?: string;
}

export interface WaitState extends StateBase, Transition {
  Type: 'Wait';
  Seconds?: number | string;
  SecondsPath?: string;
  Timestamp?: string;
  TimestampPath?: string;
}

export interface SucceedState extends StateBase {
  Type: 'Succeed';
}

export interface FailState extends StateBase {
  Type: 'Fail';
  Error?: string;
  ErrorPath?: string;
  Cause?: string;
  CausePath?: string;
}

export interface SubMachine {
  StartAt: string;
  States: Record<string, State>;
  Comment?: string;
  QueryLanguage?: QueryLanguage;
  ProcessorConfig?: { Mode?: 'INLINE' | 'DISTRIBUTED'; ExecutionType?: 'STANDARD' | 'EXPRESS' };
}

export interface ParallelState extends StateBase, Transition, ErrorHandling, ResultHandling {
  Type: 'Parallel';
  Branches: SubMachine[];
}

export interface MapState extends StateBase, Transition, ErrorHandling, ResultHandling {
  Type: 'Map';
  ItemProcessor?: SubMachine;
  /** The pre-2022 name of ItemProcessor. */
  Iterator?: SubMachine;
  ItemsPath?: string;
  Items?: Json;
  ItemSelector?: Json;
  ItemReader?: JsonObject;
  ItemBatcher?: JsonObject;
  ResultWriter?: JsonObject;
  MaxConcurrency?: number | string;
  MaxConcurrencyPath?: string;
  ToleratedFailurePercentage?: number | string;
  ToleratedFailurePercentagePath?: string;
  ToleratedFailureCount?: number | string;
  ToleratedFailureCountPath?: string;
  Label?: string;
}

export type State =
  | TaskState
  | PassState
  | ChoiceState
  | WaitState
  | SucceedState
  | FailState
  | ParallelState
  | MapState;
