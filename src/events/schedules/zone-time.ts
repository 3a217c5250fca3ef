import { IANAZone } from 'luxon';

/** A wall-clock minute in some time zone (month 1-12). */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export function isKnownTimezone(timezone: string): boolean {
  return IANAZone.isValidZone(timezone);
}

export function instantToWallClock(ms: number, timezone: string): WallClock {
  const local = new Date(ms + offsetMs(timezone, ms));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/**
 * The instant a wall-clock minute denotes. EventBridge Scheduler's DST rules decide the edge cases:
 * a time repeated by fall-back runs once, so the earlier instant is the one; a time skipped by
 * spring-forward does not exist, so `'skip'` answers undefined and `'shift-forward'` moves it past
 * the gap (as a one-time `at()` schedule still has to run).
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html#daylist-savings-time
 */
export function wallClockToInstant(
  wall: WallClock,
  timezone: string,
  gapPolicy: 'skip' | 'shift-forward',
): number | undefined {
  const asIfUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Offsets a day either side bracket any single transition, so these are the only candidates.
  const offsets = new Set([offsetMs(timezone, asIfUtc - DAY_MS), offsetMs(timezone, asIfUtc + DAY_MS)]);
  const instants = [...offsets]
    .map((offset) => asIfUtc - offset)
    .filter((instant) => offsetMs(timezone, instant) === asIfUtc - instant);
  if (instants.length > 0) return Math.min(...instants);
  if (gapPolicy === 'skip') return undefined;
  return asIfUtc - offsetMs(timezone, asIfUtc - DAY_MS);
}

export function floorToMinute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

const zones = new Map<string, IANAZone>();

function offsetMs(timezone: string, ms: number): number {
  let zone = zones.get(timezone);
  if (!zone) {
    zone = IANAZone.create(timezone);
    zones.set(timezone, zone);
  }
  return zone.offset(ms) * MINUTE_MS;
}
