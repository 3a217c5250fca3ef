/**
 * CPU-bound work off the event loop. A job is a function (synchronous, or returning a promise) of a structured-clonable
 * argument, declared with {@link defineJob} in a module of its own: locally the host runs it in a
 * worker thread that loads that module (so the event loop stays free and every core works); in a
 * Lambda function it runs in-process, since one invocation is one unit of work there.
 */

export interface Job<A, R> {
  readonly kind: 'job';
  /** Absolute path of the module that exports this job (its `__filename`). */
  readonly module: string;
  /** Unique within the module. */
  readonly name: string;
  readonly run: (argument: A) => R;
}

/**
 * @example
 * export const scoreFold = defineJob(__filename, 'scoreFold', (job: ScoreFoldJob) => scoreFoldOf(job));
 */
export function defineJob<A, R>(module: string, name: string, run: (argument: A) => R): Job<A, R> {
  return { kind: 'job', module, name, run };
}

export function isJob(value: unknown): value is Job<unknown, unknown> {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'job';
}

export interface ComputePool {
  run<A, R>(job: Job<A, R>, argument: A): Promise<R>;
}
