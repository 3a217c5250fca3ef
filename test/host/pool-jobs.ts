/** Jobs for the worker pool tests; they run inside worker threads, loaded through tsx. */
import { threadId } from 'node:worker_threads';
import { defineJob } from '../../src/services';

export const describeThread = defineJob(__filename, 'describeThread', (holdMs: number): { threadId: number } => {
  // Holds the worker busy so that concurrent jobs must land on different workers.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs);
  return { threadId };
});

export const fail = defineJob(__filename, 'fail', (message: string): never => {
  throw new RangeError(message);
});

export const crash = defineJob(__filename, 'crash', (): never => process.exit(3));


/** Settles later, as a job does that awaits WebAssembly compilation or an image decoder. */
export const settleLater = defineJob(__filename, 'settleLater', async (value: number): Promise<number> => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  if (value < 0) throw new RangeError('negative');
  return value * 2;
});
