/**
 * {@link ComputePool} for Lambda: one invocation is one unit of work and Lambda scales by running
 * more of them, so a job runs in-process, right where the handler called it.
 */
import type { ComputePool, Job } from '../compute';

export class InProcessCompute implements ComputePool {
  async run<A, R>(job: Job<A, R>, argument: A): Promise<R> {
    return job.run(argument);
  }
}
