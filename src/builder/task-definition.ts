/**
 * A task: one Lambda handler with a typed input and output, and a declaration of what it touches.
 * Workflows invoke it; the host runs `run` with the services `access` grants (locally confined to
 * them; on AWS the function's IAM role is derived from the same declaration).
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { Retrier } from '../asl/definition';
import type { TaskAccess } from '../services/access';
import type { ServicesFor } from '../services/services';

export type TaskRun<I extends TSchema, O extends TSchema, A extends TaskAccess> = (input: Static<I>, services: ServicesFor<A>) => Promise<Static<O>> | Static<O>;

export interface TaskDefinitionProps<I extends TSchema, O extends TSchema, A extends TaskAccess> {
  /** The Lambda function's logical name; `FunctionName` in the rendered ASL unless overridden at render time. */
  name: string;
  input: I;
  output: O;
  /** What the handler reads, writes and calls; `{}` for a pure function of its input. */
  access: A;
  /** The handler: called with the validated input and the services `access` grants. */
  run: TaskRun<I, O, A>;
  /** Retriers every state invoking this task gets, unless the state sets its own. */
  retry?: Retrier[];
  /** @default - the task state's own TimeoutSeconds, if any */
  timeoutSeconds?: number;
  /** Lambda memory size in MB. @default - infrastructure's default */
  memoryMb?: number;
  /** Lambda's `/tmp` in MB (512–10240), for a task that works on large files on disk. @default - Lambda's 512 */
  ephemeralStorageMb?: number;
}

export interface TaskDefinition<I extends TSchema = TSchema, O extends TSchema = TSchema, A extends TaskAccess = TaskAccess>
  extends Readonly<Omit<TaskDefinitionProps<I, O, A>, 'run'>> {
  readonly kind: 'task';
  /**
   * Hosts hold tasks in lists, so the services argument is erased here (`defineTask` checked it); a
   * method, so that a task of any input type is a `TaskDefinition`.
   */
  run(input: Static<I>, services: never): Promise<Static<O>> | Static<O>;
}

/** The argument type a state invoking `T` must pass. */
export type TaskInput<T> = T extends TaskDefinition<infer I, TSchema> ? Static<I> : never;
/** The result type of invoking `T`. */
export type TaskOutput<T> = T extends TaskDefinition<TSchema, infer O> ? Static<O> : never;

/**
 * Declares a task.
 * @example
 * const Split = defineTask({
 *   name: 'kfold-split', input: SplitInput, output: SplitOutput,
 *   access: { objects: [{ bucket: 'statecraft-data', prefix: 'datasets/', access: 'read' }] },
 *   run: async (input, { objects }) => …,
 * });
 */
export function defineTask<I extends TSchema, O extends TSchema, const A extends TaskAccess>(props: TaskDefinitionProps<I, O, A>): TaskDefinition<I, O, A> {
  return { kind: 'task', ...props } as TaskDefinition<I, O, A>;
}
