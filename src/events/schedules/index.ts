/**
 * Schedule expressions for EventBridge rules (`rate`, `cron`, UTC) and EventBridge Scheduler
 * (`at`, `rate`, `cron` in an IANA zone), and the instants at which they fire.
 */
export { ScheduleExpressionError } from './errors';
export { parseRuleSchedule, parseSchedulerSchedule, type RuleScheduleOptions } from './parse';
export { nextOccurrence, nextFireTimes, occurrencesAfter } from './next';
export { scheduledEvent, type ScheduledEvent, type ScheduledEventInput } from './scheduled-event';
export type { Schedule, RateSchedule, CronSchedule, AtSchedule } from './schedule';
