/** The EventBridge API on the local endpoint: pass `{ targets: { AWSEvents: createEventsHandler(bus) } }` to `createServer`. */
export { createEventsHandler, EVENTS_TARGET_PREFIX } from './handler';
