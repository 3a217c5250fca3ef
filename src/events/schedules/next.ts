import { nextCronOccurrence } from './cron-next';
import type { RateSchedule, Schedule } from './schedule';

/**
 * The first instant strictly after `afterMs` at which the schedule fires, or undefined if none.
 * @param startMs when a `rate()` schedule started (rule creation or Scheduler StartDate);
 *   ignored by `cron()` and `at()`. @default afterMs
 */
export function nextOccurrence(schedule: Schedule, afterMs: number, startMs?: number): number | undefined {
  switch (schedule.kind) {
    case 'rate':
      return nextRateOccurrence(schedule, afterMs, startMs ?? afterMs);
    case 'cron':
      return nextCronOccurrence(schedule, afterMs);
    case 'at':
      return schedule.atMs > afterMs ? schedule.atMs : undefined;
  }
}

/** Every occurrence strictly after `afterMs`, in order, so a virtual clock can fire each one. */
export function* occurrencesAfter(schedule: Schedule, afterMs: number, startMs?: number): Generator<number> {
  const start = startMs ?? afterMs;
  for (let next = nextOccurrence(schedule, afterMs, start); next !== undefined; ) {
    yield next;
    next = nextOccurrence(schedule, next, start);
  }
}

/** The next `count` occurrences strictly after `afterMs` (fewer if the schedule ends). */
export function nextFireTimes(schedule: Schedule, afterMs: number, count: number, startMs?: number): number[] {
  const times: number[] = [];
  if (count <= 0) return times;
  for (const time of occurrencesAfter(schedule, afterMs, startMs)) {
    times.push(time);
    if (times.length >= count) break;
  }
  return times;
}

function nextRateOccurrence(schedule: RateSchedule, afterMs: number, startMs: number): number {
  const firstIndex = schedule.firesAtStart ? 0 : 1;
  const elapsedIntervals = Math.floor((afterMs - startMs) / schedule.intervalMs) + 1;
  return startMs + Math.max(firstIndex, elapsedIntervals) * schedule.intervalMs;
}
