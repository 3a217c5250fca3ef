/** A parsed schedule expression; every variant knows the IANA zone it is evaluated in. */
export type Schedule = RateSchedule | CronSchedule | AtSchedule;

/** `rate(value unit)`: a fixed interval counted from the schedule's start instant. */
export interface RateSchedule {
  readonly kind: 'rate';
  readonly expression: string;
  readonly value: number;
  readonly unit: 'minute' | 'hour' | 'day';
  readonly intervalMs: number;
  /**
   * Whether the start instant itself is an occurrence: EventBridge Scheduler starts invoking
   * immediately, an EventBridge rule first fires one interval after it is created.
   */
  readonly firesAtStart: boolean;
}

/** `cron(min hour day-of-month month day-of-week year)` evaluated on the wall clock of `timezone`. */
export interface CronSchedule {
  readonly kind: 'cron';
  readonly expression: string;
  readonly timezone: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly months: readonly number[];
  readonly years: readonly number[];
  readonly days: DaySelector;
}

/** `at(yyyy-mm-ddThh:mm:ss)`: one wall-clock instant in `timezone`. */
export interface AtSchedule {
  readonly kind: 'at';
  readonly expression: string;
  readonly timezone: string;
  readonly atMs: number;
}

/** Exactly one of the two day fields is `?`; the other one selects the days. */
export type DaySelector =
  | { readonly field: 'day-of-month'; readonly rule: DayOfMonthRule }
  | { readonly field: 'day-of-week'; readonly rule: DayOfWeekRule };

export type DayOfMonthRule =
  | { readonly kind: 'days'; readonly days: ReadonlySet<number> }
  | { readonly kind: 'last-day' }
  | { readonly kind: 'last-weekday' }
  | { readonly kind: 'nearest-weekday'; readonly day: number };

/** Weekdays are numbered as in AWS cron: 1 = SUN … 7 = SAT. */
export type DayOfWeekRule =
  | { readonly kind: 'weekdays'; readonly weekdays: ReadonlySet<number> }
  | { readonly kind: 'last-of-month'; readonly weekday: number }
  | { readonly kind: 'nth-of-month'; readonly weekday: number; readonly nth: number };
