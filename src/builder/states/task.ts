/**
 * Task: invokes a Lambda task through `arn:aws:states:::lambda:invoke` (the result's `Payload` is the
 * task's output), or as a callback with `.waitForTaskToken` (the result is what `SendTaskSuccess` sent).
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html
 */
import type { ResultScope, Scope } from '../scope';
import type { Integration, TaskConfig } from '../state-config';
import type { TaskDefinition, TaskInput, TaskOutput } from '../task-definition';
import type { CatchBuilder, ErrorHandlingOptions } from './catch';
import { record, recordAssignments, recordRequired } from './common';

/** Options every Task state has, whatever it calls. `R` is the typed result. */
export interface TaskStateOptions<P, V, R, O, A> extends ErrorHandlingOptions<P, V> {
  comment?: string;
  /** The state's output. @default - the result */
  output?: (s: ResultScope<P, R, V>) => O;
  assign?: (s: ResultScope<P, R, V>) => A;
  /** @default - the task definition's timeoutSeconds, else none (a Task may run for a year) */
  timeoutSeconds?: number;
  /** Seconds without a heartbeat after which the task fails with States.HeartbeatTimeout. @default - none */
  heartbeatSeconds?: number;
}

export interface LambdaTaskOptions<P, V, T extends TaskDefinition, O, A> extends TaskStateOptions<P, V, TaskOutput<T>, O, A> {
  task: T;
  /** The payload sent to the handler; it must match the task's input schema. */
  arguments: (s: Scope<P, V>) => TaskInput<T>;
}

/** Parts of a Task config common to all integrations. */
export function taskConfig(
  integration: Integration,
  options: TaskStateOptions<never, never, unknown, unknown, unknown> & { arguments: (s: never) => unknown },
  resultBase: readonly string[],
  defaultOutput: TaskConfig['output'],
  catchBuilder: CatchBuilder<never, never>,
): TaskConfig {
  return {
    type: 'Task',
    comment: options.comment,
    integration,
    arguments: recordRequired(options.arguments, 'arguments'),
    output: record(options.output, 'output', resultBase) ?? defaultOutput,
    assign: recordAssignments(options.assign, 'assign', resultBase),
    timeoutSeconds: options.timeoutSeconds,
    heartbeatSeconds: options.heartbeatSeconds,
    retry: options.retry,
    catch: options.catch?.(catchBuilder),
  };
}

/** `lambda:invoke`: the typed result is the invocation result's `Payload`. */
export function lambdaTaskConfig(options: LambdaTaskOptions<never, never, TaskDefinition, unknown, unknown>, catchBuilder: CatchBuilder<never, never>): TaskConfig {
  const config = taskConfig({ kind: 'lambda', task: options.task, callback: false }, options, ['Payload'], resultPath(['Payload']), catchBuilder);
  return withTaskDefaults(config, options.task);
}

/** `lambda:invoke.waitForTaskToken`: the typed result is what the callback sent. */
export function callbackTaskConfig(options: LambdaTaskOptions<never, never, TaskDefinition, unknown, unknown>, catchBuilder: CatchBuilder<never, never>): TaskConfig {
  const config = taskConfig({ kind: 'lambda', task: options.task, callback: true }, options, [], undefined, catchBuilder);
  return withTaskDefaults(config, options.task);
}

function withTaskDefaults(config: TaskConfig, task: TaskDefinition): TaskConfig {
  return { ...config, retry: config.retry ?? task.retry, timeoutSeconds: config.timeoutSeconds ?? task.timeoutSeconds };
}

export function resultPath(segments: readonly string[]): TaskConfig['output'] {
  return { kind: 'path', root: 'result', segments };
}
