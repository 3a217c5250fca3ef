/**
 * Parallel: runs every branch on the same input; the result is the array of branch outputs.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-parallel.html
 */
import type { Flow } from '../flow';
import type { StateGraph } from '../graph';
import type { ResultScope, Scope } from '../scope';
import type { ParallelConfig } from '../state-config';
import type { Terminal } from '../types';
import type { CatchBuilder, ErrorHandlingOptions } from './catch';
import { record, recordAssignments } from './common';

export interface ParallelOptions<P, V, B extends readonly unknown[], I, O, A> extends ErrorHandlingOptions<P, V> {
  comment?: string;
  /** The input every branch receives. @default - the state's input */
  arguments?: (s: Scope<P, V>) => I;
  /** One path per branch; each ends (Succeed, Fail or `end()`) with the output it contributes. */
  branches: { [K in keyof B]: (b: Flow<I, V>) => Terminal<B[K]> };
  /** @default - the array of branch outputs */
  output?: (s: ResultScope<P, B, V>) => O;
  assign?: (s: ResultScope<P, B, V>) => A;
}

export type BranchBuilder = (build: (b: Flow<unknown, unknown>) => Terminal<unknown>) => StateGraph;

export function parallelConfig(
  options: ParallelOptions<never, never, readonly unknown[], unknown, unknown, unknown>,
  buildBranch: BranchBuilder,
  catchBuilder: CatchBuilder<never, never>,
): ParallelConfig {
  return {
    type: 'Parallel',
    comment: options.comment,
    arguments: record(options.arguments, 'arguments'),
    branches: options.branches.map((branch) => buildBranch(branch as never)),
    output: record(options.output, 'output'),
    assign: recordAssignments(options.assign, 'assign'),
    retry: options.retry,
    catch: options.catch?.(catchBuilder),
  };
}
