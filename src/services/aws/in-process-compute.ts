/**
 * {@link ComputePool} for Lambda: one invocation is one unit of work and Lambda scales by running
 * more of them, so jobs run in-process. Jobs are found by export name among the job modules the
 * host bundles, because a bundle has a single file: every module's `__filename` is the bundle's.
 */
import { TaskFailure } from '../errors';
import type { ComputePool } from '../services';

export type JobModule = Readonly<Record<string, unknown>>;

export class InProcessCompute implements ComputePool {
  constructor(private readonly modules: readonly JobModule[]) {}

  async run<T>(_modulePath: string, exportName: string, argument: unknown): Promise<T> {
    const found = this.modules.filter((module) => typeof module[exportName] === 'function');
    if (found.length !== 1) {
      const why = found.length === 0 ? 'no bundled job module exports it' : `${found.length} bundled job modules export it`;
      throw new TaskFailure('ComputeJobNotFound', `Compute job "${exportName}" cannot run: ${why}.`);
    }
    return (found[0]![exportName] as (argument: unknown) => T)(argument);
  }
}
