import { DAYS_OF_MONTH, DAYS_OF_WEEK, expandListField, parseFieldValue } from './cron-field';
import type { DayOfMonthRule, DayOfWeekRule, DaySelector } from './schedule';

/**
 * Reads the day-of-month and day-of-week fields. AWS requires `?` in exactly one of them
 * ("you can't specify both"); the other one selects the days.
 */
export function parseDaySelector(dayOfMonth: string, dayOfWeek: string): DaySelector | undefined {
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) return undefined;
  if (dayOfWeek === '?') {
    const rule = parseDayOfMonth(dayOfMonth);
    return rule && { field: 'day-of-month', rule };
  }
  const rule = parseDayOfWeek(dayOfWeek);
  return rule && { field: 'day-of-week', rule };
}

/** `L` last day, `LW` last weekday, `15W` weekday nearest the 15th, else a plain list. */
function parseDayOfMonth(text: string): DayOfMonthRule | undefined {
  const upper = text.toUpperCase();
  if (upper === 'L') return { kind: 'last-day' };
  if (upper === 'LW') return { kind: 'last-weekday' };
  const nearest = /^(\d{1,2})W$/.exec(upper);
  if (nearest) {
    const day = parseFieldValue(nearest[1], DAYS_OF_MONTH);
    return day === undefined ? undefined : { kind: 'nearest-weekday', day };
  }
  const days = expandListField(text, DAYS_OF_MONTH);
  return days && { kind: 'days', days: new Set(days) };
}

/** `L` alone is the last day of the week (SAT), `5L` the month's last Thursday, `6#3` its third Friday. */
function parseDayOfWeek(text: string): DayOfWeekRule | undefined {
  const upper = text.toUpperCase();
  if (upper === 'L') return { kind: 'weekdays', weekdays: new Set([DAYS_OF_WEEK.max]) };
  const last = /^(\w+)L$/.exec(upper);
  if (last) {
    const weekday = parseFieldValue(last[1], DAYS_OF_WEEK);
    return weekday === undefined ? undefined : { kind: 'last-of-month', weekday };
  }
  const nth = /^(\w+)#(\d)$/.exec(upper);
  if (nth) {
    const weekday = parseFieldValue(nth[1], DAYS_OF_WEEK);
    const n = Number(nth[2]);
    return weekday === undefined || n < 1 || n > 5 ? undefined : { kind: 'nth-of-month', weekday, nth: n };
  }
  const weekdays = expandListField(text, DAYS_OF_WEEK);
  return weekdays && { kind: 'weekdays', weekdays: new Set(weekdays) };
}

/** The days of one month (1-based) that the selector picks, ascending. */
export function selectedDays(selector: DaySelector, year: number, month: number): number[] {
  const length = daysInMonth(year, month);
  const all = Array.from({ length }, (_, index) => index + 1);
  if (selector.field === 'day-of-month') return dayOfMonthDays(selector.rule, year, month, length, all);
  return all.filter((day) => matchesDayOfWeek(selector.rule, year, month, day, length));
}

function dayOfMonthDays(rule: DayOfMonthRule, year: number, month: number, length: number, all: number[]): number[] {
  switch (rule.kind) {
    case 'days':
      return all.filter((day) => rule.days.has(day));
    case 'last-day':
      return [length];
    case 'last-weekday':
      return [nearestWeekday(year, month, length, length)];
    case 'nearest-weekday':
      return rule.day > length ? [] : [nearestWeekday(year, month, rule.day, length)];
  }
}

/** Quartz's `W`: the weekday nearest `day` without leaving the month. */
function nearestWeekday(year: number, month: number, day: number, length: number): number {
  const weekday = weekdayOf(year, month, day);
  if (weekday === 7) return day === 1 ? 3 : day - 1;
  if (weekday === 1) return day === length ? day - 2 : day + 1;
  return day;
}

function matchesDayOfWeek(rule: DayOfWeekRule, year: number, month: number, day: number, length: number): boolean {
  const weekday = weekdayOf(year, month, day);
  switch (rule.kind) {
    case 'weekdays':
      return rule.weekdays.has(weekday);
    case 'last-of-month':
      return weekday === rule.weekday && day + 7 > length;
    case 'nth-of-month':
      return weekday === rule.weekday && Math.ceil(day / 7) === rule.nth;
  }
}

/** 1 = SUN … 7 = SAT, the numbering AWS cron uses. */
function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
