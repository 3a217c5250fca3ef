/**
 * The grammar of Scheduler's schedule expressions, checked when a schedule is defined so a typo fails
 * at the definition that made it, with the reason, rather than when a host creates the schedule.
 * Only acceptance is decided here; when each expression fires is the Scheduler's business.
 * @see https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 */

interface Field {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const MINUTES: Field = { name: 'minutes', min: 0, max: 59 };
const HOURS: Field = { name: 'hours', min: 0, max: 23 };
const DAY_OF_MONTH: Field = { name: 'day-of-month', min: 1, max: 31 };
const MONTH: Field = { name: 'month', min: 1, max: 12, names: MONTH_NAMES };
const DAY_OF_WEEK: Field = { name: 'day-of-week', min: 1, max: 7, names: DAY_NAMES };
const YEAR: Field = { name: 'year', min: 1970, max: 2199 };

/** Why `expression` is not an `at()`, `rate()` or `cron()` expression Scheduler accepts, or undefined. */
export function checkScheduleExpression(expression: string): string | undefined {
  const call = /^(at|rate|cron)\((.*)\)$/.exec(expression);
  if (!call) return 'expected at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(six fields)';
  const [, kind, body] = call;
  if (kind === 'at') return checkAt(body);
  if (kind === 'rate') return /^[1-9]\d* (minute|hour|day)s?$/.test(body) ? undefined : 'rate() takes a positive whole number and minute(s), hour(s) or day(s)';
  return checkCron(body);
}

function checkAt(body: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body);
  if (!match) return 'at() takes a local date and time, yyyy-mm-ddThh:mm:ss, without an offset (the schedule has a time zone)';
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return `${body} is not a date and time`;
  return undefined;
}

function checkCron(body: string): string | undefined {
  const fields = body.split(' ');
  if (fields.length !== 6) return `cron() takes six fields separated by single spaces (minutes hours day-of-month month day-of-week year), not ${fields.length}`;
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields;
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) return 'one of day-of-month and day-of-week must be ?, and only one';
  const problems = [
    checkList(minutes, MINUTES),
    checkList(hours, HOURS),
    dayOfMonth === '?' || /^(L|LW|([1-9]|[12]\d|3[01])W)$/i.test(dayOfMonth) ? undefined : checkList(dayOfMonth, DAY_OF_MONTH),
    checkList(month, MONTH),
    dayOfWeek === '?' ? undefined : checkDayOfWeek(dayOfWeek),
    checkList(year, YEAR),
  ];
  return problems.find((problem) => problem !== undefined);
}

/** `L`, `<day>L` (the month's last such day), `<day>#<n>` (its n-th), or a list. */
function checkDayOfWeek(text: string): string | undefined {
  if (/^L$/i.test(text)) return undefined;
  const special = /^(\w+)(L|#[1-5])$/i.exec(text);
  if (special) return isValue(special[1], DAY_OF_WEEK) ? undefined : `day-of-week: ${special[1]} is not a day (1-7 or SUN-SAT)`;
  return checkList(text, DAY_OF_WEEK);
}

/** `,`-separated items, each `*`, `v` or `a-b`, optionally with `/step`. */
function checkList(text: string, field: Field): string | undefined {
  for (const item of text.split(',')) {
    const [range, step, ...rest] = item.split('/');
    const bounds = range === '*' ? [] : range.split('-');
    const ok =
      rest.length === 0 &&
      bounds.length <= 2 &&
      bounds.every((value) => isValue(value, field)) &&
      (step === undefined || (/^\d+$/.test(step) && Number(step) >= 1 && Number(step) <= field.max - field.min + 1));
    if (!ok) return `${field.name}: "${item}" is not a value from ${field.min} to ${field.max}${field.names ? ` (or ${field.names[0]}-${field.names.at(-1)})` : ''}, a range, * or a step`;
  }
  return undefined;
}

function isValue(text: string, field: Field): boolean {
  if (/^\d{1,4}$/.test(text)) return Number(text) >= field.min && Number(text) <= field.max;
  return field.names?.includes(text.toUpperCase()) ?? false;
}
