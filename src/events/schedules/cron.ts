import { expandListField, HOURS, MINUTES, MONTHS, YEARS } from './cron-field';
import { parseDaySelector } from './cron-days';
import type { CronSchedule } from './schedule';

/**
 * Parses the inside of `cron(...)`: exactly six fields separated by single spaces
 * (minutes hours day-of-month month day-of-week year). Returns undefined when AWS would reject it.
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html#eb-cron-expressions
 */
export function parseCronBody(body: string, expression: string, timezone: string): CronSchedule | undefined {
  const fields = body.split(' ');
  if (fields.length !== 6) return undefined;
  const [minuteField, hourField, dayOfMonthField, monthField, dayOfWeekField, yearField] = fields;
  const minutes = expandListField(minuteField, MINUTES);
  const hours = expandListField(hourField, HOURS);
  const months = expandListField(monthField, MONTHS);
  const years = expandListField(yearField, YEARS);
  const days = parseDaySelector(dayOfMonthField, dayOfWeekField);
  if (!minutes || !hours || !months || !years || !days) return undefined;
  return { kind: 'cron', expression, timezone, minutes, hours, months, years, days };
}
