/**
 * Catch rules of Task, Map and Parallel: which errors to catch and where to go with the error output.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
import type { Retrier } from '../../asl/definition';
import type { Flow } from '../flow';
import type { ErrorOutput, ErrorScope } from '../scope';
import type { CatchConfig } from '../state-config';
import type { Merge, StateRef, Terminal } from '../types';
import { record, recordAssignments } from './common';

/** Opens a path whose first state is attached by `attach` (a Next, a Default, a Catch's Next). */
export type BranchOpener = (attach: (name: string) => void) => Flow<unknown, unknown>;

export interface CatchOptions<P, V, Q, A> {
  /** What the catch target receives. @default - the error output `{ Error, Cause }` */
  output?: (s: ErrorScope<P, V>) => Q;
  assign?: (s: ErrorScope<P, V>) => A;
}

/** Retry and Catch, shared by the states that can fail with a task or branch error. */
export interface ErrorHandlingOptions<P, V> {
  /** @default - none (a task state falls back to its task definition's retriers) */
  retry?: Retrier[];
  /** @example catch: (c) => [c.to(['States.ALL'], (b) => b.fail('Failed', { error: 'TrainingFailed' }))] */
  catch?: (c: CatchBuilder<P, V>) => CatchConfig[];
}

export class CatchBuilder<P, V> {
  constructor(private readonly open: BranchOpener) {}

  /**
   * Catch `errors` and continue at `target`: a declared state ({@link StateRef}) or a new path.
   * @example c.to(['States.ALL'], stopModel, { output: (s) => ({ modelArn: s.input.modelArn }) })
   */
  to<Q = ErrorOutput, A extends object = {}>(
    errors: readonly string[],
    target: StateRef<NoInfer<Q>, NoInfer<Merge<V, A>>> | ((b: Flow<NoInfer<Q>, NoInfer<Merge<V, A>>>) => Terminal<unknown>),
    options: CatchOptions<P, V, Q, A> = {},
  ): CatchConfig {
    const config: CatchConfig = {
      errors,
      next: '',
      output: record(options.output, 'catch output'),
      assign: recordAssignments(options.assign, 'catch assign'),
    };
    const attach = (name: string): void => {
      config.next = name;
    };
    if (typeof target === 'function') target(this.open(attach) as never);
    else this.open(attach).goto(target as StateRef<unknown, unknown>);
    return config;
  }
}
