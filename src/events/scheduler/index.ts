/**
 * The local EventBridge Scheduler: `new Scheduler(options)`, its API methods (CreateSchedule …
 * ListScheduleGroups, tags on groups), firing on the engine's clock through the bus's delivery queue.
 */
export { Scheduler, type SchedulerOptions, type ScheduleDeadLetterAttributes } from './scheduler';
export { SchedulerApiError, type SchedulerErrorCode } from './errors';
export { SCHEDULER_DATABASE_FILE } from './database';
export { DEFAULT_GROUP } from './arns';
