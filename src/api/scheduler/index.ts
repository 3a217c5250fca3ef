/** The Scheduler API on the local endpoint: pass `{ restServices: { scheduler: createSchedulerHandler(scheduler) } }` to `createServer`. */
export { createSchedulerHandler, SCHEDULER_SIGNING_NAME } from './handler';
