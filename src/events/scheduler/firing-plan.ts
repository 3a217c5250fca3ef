/**
 * When a schedule fires next: its expression's occurrences within StartDate and EndDate, and, with
 * a flexible time window, a moment picked at random within the window after the occurrence.
 * Pure functions of the schedule, the clock's time and the random source.
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-flexible-time-windows.html
 */
import type { FlexibleTimeWindow } from '@aws-sdk/client-scheduler';
import { nextOccurrence, type Schedule } from '../schedules';

const MINUTE_MS = 60_000;

export interface FiringWindow {
  readonly schedule: Schedule;
  /** StartDate (epoch ms), if any; ignored by `at()`. */
  readonly startMs?: number;
  /** EndDate (epoch ms, exclusive), if any; ignored by `at()`. */
  readonly endMs?: number;
  /**
   * When the schedule was created, updated or enabled: a `rate()` without StartDate counts from
   * here, and nothing before it fires.
   */
  readonly armedAt: number;
}

/** The first occurrence strictly after `afterMs` inside the window, or undefined when none is left. */
export function nextInWindow(window: FiringWindow, afterMs: number): number | undefined {
  const { schedule } = window;
  if (schedule.kind === 'at') return schedule.atMs > afterMs ? schedule.atMs : undefined;
  const start = window.startMs ?? window.armedAt;
  const next = nextOccurrence(schedule, Math.max(afterMs, start - 1), start);
  return next === undefined || (window.endMs !== undefined && next >= window.endMs) ? undefined : next;
}

/**
 * The occurrence to fire after (re)arming: the first after the last firing, or after arming. If the
 * process was down while several came due, only the latest of them fires (late), not the backlog.
 */
export function firstDue(window: FiringWindow, lastFired: number | undefined, nowMs: number): number | undefined {
  let next = nextInWindow(window, lastFired ?? window.armedAt - 1);
  for (;;) {
    if (next === undefined || next > nowMs) return next;
    const after = nextInWindow(window, next);
    if (after === undefined || after > nowMs) return next;
    next = after;
  }
}

/** How long after its occurrence a firing happens: 0 when OFF, else within [0, window). */
export function flexibleDelayMs(window: FlexibleTimeWindow, random: () => number): number {
  if (window.Mode !== 'FLEXIBLE' || !window.MaximumWindowInMinutes) return 0;
  return Math.floor(random() * window.MaximumWindowInMinutes * MINUTE_MS);
}
