/**
 * Task calling `states:startExecution`: starts another workflow. With `sync` (the default) it waits
 * for the child (`.sync:2`, whose `Output` is JSON, not a string) and the typed result is the
 * child's output; without it, the result is the new execution's ARN and start date.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
 */
import type { Scope } from '../scope';
import type { TaskConfig } from '../state-config';
import type { WorkflowInput, WorkflowOutput, WorkflowLike } from '../workflow-types';
import type { CatchBuilder } from './catch';
import { resultPath, taskConfig, type TaskStateOptions } from './task';

export interface StartExecutionResult {
  ExecutionArn: string;
  StartDate: string;
}

export type StartExecutionOutput<W, S> = S extends false ? StartExecutionResult : WorkflowOutput<W>;

export interface StartExecutionOptions<P, V, W extends WorkflowLike, S extends boolean, O, A>
  extends TaskStateOptions<P, V, StartExecutionOutput<W, S>, O, A> {
  workflow: W;
  /** The child execution's input; it must match the child workflow's input schema. */
  arguments: (s: Scope<P, V>) => WorkflowInput<W>;
  /** Wait for the child to finish. @default true */
  sync?: S;
}

export function startExecutionConfig(
  options: StartExecutionOptions<never, never, WorkflowLike, boolean, unknown, unknown>,
  catchBuilder: CatchBuilder<never, never>,
): TaskConfig {
  const sync = options.sync ?? true;
  const resultBase = sync ? ['Output'] : [];
  return taskConfig(
    { kind: 'startExecution', stateMachine: options.workflow.name, sync },
    options,
    resultBase,
    resultPath(resultBase),
    catchBuilder,
  );
}
