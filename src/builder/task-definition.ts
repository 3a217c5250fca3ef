/**
 * A task: one Lambda handler with a typed input and output. Workflows invoke it; infrastructure
 * bundles `handler` into a function named after `name`.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { Retrier } from '../asl/definition';

export interface TaskDefinitionProps<I extends TSchema, O extends TSchema> {
  /** The Lambda function's logical name; `FunctionName` in the rendered ASL unless overridden at render time. */
  name: string;
  input: I;
  output: O;
  /** Module path of the handler, e.g. `tasks/kfold/split.ts`. */
  handler?: string;
  /** Retriers every state invoking this task gets, unless the state sets its own. */
  retry?: Retrier[];
  /** @default - the task state's own TimeoutSeconds, if any */
  timeoutSeconds?: number;
  /** Lambda memory size in MB. @default - infrastructure's default */
  memoryMb?: number;
}

export interface TaskDefinition<I extends TSchema = TSchema, O extends TSchema = TSchema>
  extends Readonly<TaskDefinitionProps<I, O>> {
  readonly kind: 'task';
}

/** The argument type a state invoking `T` must pass. */
export type TaskInput<T> = T extends TaskDefinition<infer I, TSchema> ? Static<I> : never;
/** The result type of invoking `T`. */
export type TaskOutput<T> = T extends TaskDefinition<TSchema, infer O> ? Static<O> : never;

/**
 * Declares a task.
 * @example
 * const Split = defineTask({ name: 'kfold-split', input: SplitInput, output: SplitOutput, handler: 'tasks/kfold/split.ts' });
 */
export function defineTask<I extends TSchema, O extends TSchema>(props: TaskDefinitionProps<I, O>): TaskDefinition<I, O> {
  return { kind: 'task', ...props };
}
