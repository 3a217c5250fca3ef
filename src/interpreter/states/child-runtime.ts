/**
 * Branches of a Parallel and iterations of a Map share one abort signal, so that the first
 * failure stops its siblings (their in-flight tasks are aborted).
 */
import { setMaxListeners } from 'node:events';
import type { ExecutionRuntime } from '../runtime';

export interface ChildRuntime {
  rt: ExecutionRuntime;
  /** Tracks a child's promise so that `settled()` can wait for every child to stop. */
  guard<T>(work: Promise<T>): Promise<T>;
  abort(reason: unknown): void;
  settled(): Promise<void>;
}

export function childRuntime(parent: ExecutionRuntime): ChildRuntime {
  const controller = new AbortController();
  // Every running iteration or branch (and its task) listens here at once: many listeners are no leak.
  setMaxListeners(0, controller.signal);
  const onParentAbort = () => controller.abort(parent.signal.reason);
  parent.signal.addEventListener('abort', onParentAbort, { once: true });
  const running = new Set<Promise<unknown>>();
  const rt: ExecutionRuntime = Object.create(parent, { signal: { value: controller.signal } }) as ExecutionRuntime;
  return {
    rt,
    guard(work) {
      const tracked = work.finally(() => running.delete(tracked));
      running.add(tracked);
      return tracked;
    },
    abort(reason) {
      parent.signal.removeEventListener('abort', onParentAbort);
      if (!controller.signal.aborted) controller.abort(reason);
    },
    async settled() {
      await Promise.allSettled([...running]);
    },
  };
}
