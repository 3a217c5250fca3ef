/**
 * The typed configuration builders fill, one variant per ASL state type. Expressions are still IR
 * here; only the renderer knows ASL keys and query-language syntax.
 */
import type { Retrier } from '../asl/definition';
import type { ConditionNode } from './conditions';
import type { EventDefinition } from './event-definition';
import type { Template } from './expression';
import type { TaskDefinition } from './task-definition';
import type { StateGraph } from './graph';

export type Assignments = Readonly<Record<string, Template>>;

/** Output and Assign, which every state but Fail may set. */
export interface DataFlowConfig {
  comment?: string;
  output?: Template;
  assign?: Assignments;
}

export interface CatchConfig {
  errors: readonly string[];
  next: string;
  output?: Template;
  assign?: Assignments;
}

export interface ErrorHandlingConfig {
  retry?: readonly Retrier[];
  catch?: readonly CatchConfig[];
}

/** What a Task state calls. */
export type Integration =
  | { kind: 'lambda'; task: TaskDefinition; callback: boolean }
  | { kind: 'startExecution'; stateMachine: string; sync: boolean }
  | { kind: 'putEvents'; event: EventDefinition };

export interface TaskConfig extends DataFlowConfig, ErrorHandlingConfig {
  type: 'Task';
  integration: Integration;
  arguments: Template;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
}

export interface PassConfig extends DataFlowConfig {
  type: 'Pass';
}

export interface WaitConfig extends DataFlowConfig {
  type: 'Wait';
  /** Exactly one of seconds and timestamp. */
  seconds?: Template;
  timestamp?: Template;
}

export interface ChoiceRuleConfig {
  condition: ConditionNode;
  next: string;
  output?: Template;
  assign?: Assignments;
}

export interface ChoiceConfig extends DataFlowConfig {
  type: 'Choice';
  rules: readonly ChoiceRuleConfig[];
  default?: string;
}

export interface SucceedConfig extends Omit<DataFlowConfig, 'assign'> {
  type: 'Succeed';
}

export interface FailConfig {
  type: 'Fail';
  comment?: string;
  error?: Template;
  cause?: Template;
}

export interface ParallelConfig extends DataFlowConfig, ErrorHandlingConfig {
  type: 'Parallel';
  branches: readonly StateGraph[];
  arguments?: Template;
}

export interface ItemReaderConfig {
  resource: string;
  arguments: Template;
  readerConfig?: Readonly<Record<string, string | number>>;
}

export interface MapConfig extends DataFlowConfig, ErrorHandlingConfig {
  type: 'Map';
  processor: StateGraph;
  mode: 'INLINE' | 'DISTRIBUTED';
  executionType?: 'STANDARD' | 'EXPRESS';
  items?: Template;
  itemSelector?: Template;
  itemReader?: ItemReaderConfig;
  /** An object template with the fields of ItemBatcherSpec. */
  itemBatcher?: Template;
  /** An object template with the fields of ResultWriterSpec. */
  resultWriter?: Template;
  maxConcurrency?: number;
  toleratedFailurePercentage?: number;
  toleratedFailureCount?: number;
  label?: string;
}

export type StateConfig =
  | TaskConfig
  | PassConfig
  | WaitConfig
  | ChoiceConfig
  | SucceedConfig
  | FailConfig
  | ParallelConfig
  | MapConfig;
