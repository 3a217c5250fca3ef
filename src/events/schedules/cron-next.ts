import { selectedDays } from './cron-days';
import type { CronSchedule } from './schedule';
import { floorToMinute, instantToWallClock, wallClockToInstant, type WallClock } from './zone-time';

/**
 * The first instant strictly after `afterMs` at which the cron schedule fires, or undefined when it
 * never fires again (its last year is past). Candidates are walked in wall-clock order in the
 * schedule's zone; a wall time skipped by spring-forward is skipped, and one repeated by fall-back
 * maps to its first instant only, so it fires once.
 */
export function nextCronOccurrence(schedule: CronSchedule, afterMs: number): number | undefined {
  const from = instantToWallClock(floorToMinute(afterMs), schedule.timezone);
  for (const wall of wallClocksFrom(schedule, from)) {
    const instant = wallClockToInstant(wall, schedule.timezone, 'skip');
    if (instant !== undefined && instant > afterMs) return instant;
  }
  return undefined;
}

/** Every wall-clock minute the schedule selects, ascending, from `from` (inclusive) on. */
function* wallClocksFrom(schedule: CronSchedule, from: WallClock): Generator<WallClock> {
  for (const year of schedule.years) {
    if (year < from.year) continue;
    for (const month of schedule.months) {
      if (isBefore([year, month], [from.year, from.month])) continue;
      for (const day of selectedDays(schedule.days, year, month)) {
        if (isBefore([year, month, day], [from.year, from.month, from.day])) continue;
        for (const hour of schedule.hours) {
          if (isBefore([year, month, day, hour], [from.year, from.month, from.day, from.hour])) continue;
          for (const minute of schedule.minutes) {
            const wall = { year, month, day, hour, minute };
            if (!isBefore([year, month, day, hour, minute], [from.year, from.month, from.day, from.hour, from.minute])) {
              yield wall;
            }
          }
        }
      }
    }
  }
}

/** Lexicographic comparison of equally long prefixes of a date. */
function isBefore(candidate: number[], bound: number[]): boolean {
  for (let index = 0; index < candidate.length; index++) {
    if (candidate[index] !== bound[index]) return candidate[index] < bound[index];
  }
  return false;
}
