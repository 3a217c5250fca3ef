/**
 * A pool of worker threads for CPU-bound task work (libsvm training), sized to the machine's cores
 * and shared by every concurrent task, so that a Map of folds uses every core without oversubscribing.
 * Jobs are `defineJob` declarations: a worker loads the job's module and runs it; arguments and
 * results are structured-cloned.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ComputeWorkerError, TaskFailure } from '../services/errors';
import type { ComputePool, Job } from '../services/compute';

interface PendingJob {
  id: number;
  modulePath: string;
  jobName: string;
  argument: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Reply {
  id: number;
  result?: unknown;
  error?: { name: string; message: string; stack?: string };
}

const BOOTSTRAP = join(__dirname, 'worker-bootstrap.js');

export interface WorkerPoolOptions {
  /** Worker count. @default os.availableParallelism() */
  size?: number;
}

export class WorkerPool implements ComputePool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, PendingJob>();
  private readonly queue: PendingJob[] = [];
  private readonly dead = new WeakSet<Worker>();
  private nextId = 0;
  private closed = false;

  readonly size: number;

  constructor(options: WorkerPoolOptions = {}) {
    this.size = options.size ?? availableParallelism();
    if (!Number.isInteger(this.size) || this.size < 1) throw new RangeError(`A worker pool needs at least one worker; got ${this.size}.`);
    for (let i = 0; i < this.size; i++) this.idle.push(this.spawn());
  }

  run<A, R>(job: Job<A, R>, argument: A): Promise<R> {
    if (this.closed) return Promise.reject(new ComputeWorkerError('The compute pool is closed.'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, modulePath: job.module, jobName: job.name, argument, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ComputeWorkerError('The compute pool closed before the job ran.'));
    const workers = [...this.idle, ...this.busy.keys()];
    for (const job of this.busy.values()) job.reject(new ComputeWorkerError('The compute pool closed while the job ran.'));
    this.busy.clear();
    this.idle.length = 0;
    workers.forEach((worker) => this.dead.add(worker));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(BOOTSTRAP);
    // Idle workers must not keep a finished CLI run alive; busy ones must, or nothing would wait for them.
    worker.unref();
    worker.on('message', (reply: Reply) => this.finish(worker, reply));
    worker.on('error', (error) => this.crashed(worker, error));
    worker.on('exit', (code) => this.crashed(worker, new Error(`exit code ${code}`)));
    return worker;
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.ref();
      worker.postMessage({ id: job.id, modulePath: job.modulePath, jobName: job.jobName, argument: job.argument });
    }
  }

  private finish(worker: Worker, reply: Reply): void {
    const job = this.busy.get(worker);
    if (!job || job.id !== reply.id) return;
    this.busy.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (reply.error) job.reject(Object.assign(new TaskFailure(reply.error.name, reply.error.message), { stack: reply.error.stack }));
    else job.resolve(reply.result);
    this.dispatch();
  }

  /** A dead worker fails its job with a retryable error and is replaced, unless the pool is closing. */
  private crashed(worker: Worker, error: Error): void {
    // A crash reports 'error' and then 'exit': replace the worker once.
    if (this.dead.has(worker)) return;
    this.dead.add(worker);
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    job?.reject(new ComputeWorkerError(`A compute worker stopped: ${error.message}`));
    if (this.closed) return;
    this.idle.push(this.spawn());
    this.dispatch();
  }
}
