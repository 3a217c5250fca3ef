/** The AWS-compatible endpoint on localhost: `createServer(engine, options)`. */
export { createServer, KEEP_ALIVE_TIMEOUT_MS, type RestHandler, type RunningServer, type ServerOptions, type TargetHandler } from './server';
export { createSfnHandler, SFN_TARGET_PREFIX } from './sfn-handler';
export { createLocalEndpoint } from './local-endpoint';
