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
   * Options (output, assign) come before the target so that the target is typed by them.
   * @example c.to(['States.ALL'], (b) => b.fail('Failed'))
   * @example c.to(['States.ALL'], { output: (s) => ({ modelArn: s.input.modelArn }) }, stopModel)
   */
  to(errors: readonly string[], target: Target<ErrorOutput, V, unknown>): CatchConfig;
  to<Q = ErrorOutput, A extends object = {}>(errors: readonly string[], options: CatchOptions<P, V, Q, A>, target: Target<Q, Merge<V, A>, unknown>): CatchConfig;
  to(
    errors: readonly string[],
    optionsOrTarget: unknown,
    target?: unknown,
  ): CatchConfig {
    const options = target === undefined ? {} : (optionsOrTarget as CatchOptions<P, V, unknown, object>);
    const config: CatchConfig = {
      errors,
      next: '',
      output: record(options.output, 'catch output'),
      assign: recordAssignments(options.assign, 'catch assign'),
    };
    continueAt(this.open((name) => {
      config.next = name;
    }), (target ?? optionsOrTarget) as Target<unknown, unknown, unknown>);
    return config;
  }
}

/** Where a Choice rule or a Catch continues: a declared state, or a new path ending with `R`. */
export type Target<P, V, R> = StateRef<P, V> | ((b: Flow<P, V>) => Terminal<R>);

export function continueAt(flow: Flow<unknown, unknown>, target: Target<unknown, unknown, unknown>): void {
  if (typeof target === 'function') target(flow);
  else flow.goto(target);
}
