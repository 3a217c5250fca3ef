/**
 * Time as the engine sees it. Nothing in the interpreter reads Date.now() or calls setTimeout
 * directly: a Wait schedules a timer on the clock, so a virtual clock can run a two-year
 * backtest in minutes and tests never sleep.
 */
export interface Clock {
  readonly kind: 'wall' | 'virtual';
  now(): number;
  /** Resolves once the clock reaches `atMs`; rejects with the signal's reason if aborted first. */
  sleepUntil(atMs: number, signal?: AbortSignal): Promise<void>;
}

export function sleepFor(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return clock.sleepUntil(clock.now() + ms, signal);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('aborted');
}

/** The wall clock: real time, real timers. */
export class WallClock implements Clock {
  readonly kind = 'wall' as const;

  now(): number {
    return Date.now();
  }

  sleepUntil(atMs: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal!));
      };
      // setTimeout's limit is 2^31-1 ms; longer waits re-arm in steps.
      const delay = Math.min(Math.max(0, atMs - Date.now()), 2 ** 31 - 1);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        if (Date.now() >= atMs) resolve();
        else this.sleepUntil(atMs, signal).then(resolve, reject);
      }, delay);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

interface Timer {
  atMs: number;
  seq: number;
  resolve: () => void;
}

/**
 * A virtual clock: time stands still while anything can still run, and jumps to the next timer
 * as soon as the process has nothing else to do. Waits, retry intervals and timeouts therefore
 * take no real time, and their order is exactly the order of their due times.
 */
export class VirtualClock implements Clock {
  readonly kind = 'virtual' as const;
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;
  private advancing = false;
  private holds = 0;

  constructor(startMs = Date.now()) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  sleepUntil(atMs: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    return new Promise((resolve, reject) => {
      const timer: Timer = { atMs, seq: this.seq++, resolve: () => undefined };
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(abortReason(signal!));
      };
      timer.resolve = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
      this.scheduleAdvance();
    });
  }

  /**
   * Keeps time from jumping until the returned function is called. Work that waits on real I/O (a
   * task handler's HTTP call or query) leaves the process idle, which would otherwise let the clock
   * jump to the task's timeout; held, a task takes no virtual time, as a Wait takes no real time.
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      if (this.holds === 0 && this.timers.length > 0) this.scheduleAdvance();
    };
  }

  /** Moves time forward by `ms` (firing due timers in order), e.g. to simulate a week of schedules. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await settle();
      const next = this.earliest();
      if (!next || next.atMs > target) break;
      this.fire(next);
    }
    this.current = Math.max(this.current, target);
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) {
      if (!best || t.atMs < best.atMs || (t.atMs === best.atMs && t.seq < best.seq)) best = t;
    }
    return best;
  }

  private fire(timer: Timer): void {
    this.timers = this.timers.filter((t) => t !== timer);
    this.current = Math.max(this.current, timer.atMs);
    timer.resolve();
  }

  /** Jump only when the process is idle, so work already due at the current instant runs first. */
  private scheduleAdvance(): void {
    if (this.advancing) return;
    this.advancing = true;
    void (async () => {
      for (;;) {
        await settle();
        const next = this.earliest();
        if (!next || this.holds > 0) break;
        this.fire(next);
      }
      this.advancing = false;
    })();
  }
}

/** Lets pending promise chains and I/O callbacks run before time moves. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
