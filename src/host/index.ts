/**
 * The local host: a workflow registry deployed on one machine — state machines and buckets
 * registered, task handlers in-process, rules on the bus — and workflows started by name.
 */
export { createLocalRuntime, type LocalRuntime, type LocalRuntimeOptions } from './local-runtime';
export { createLocalServices, type LocalServices, type LocalServicesOptions } from './local-services';
export { HandlerLambdaInvoker } from './handler-invoker';
export { LOCAL_ROLE_ARN, registerLocally, stateMachineArn, type RegisteredRule } from './register-locally';
export { runWorkflow, startWorkflow, waitForEnd, UnknownWorkflowError, type WorkflowHost } from './run-workflow';
export { putRulesOnBus, type RuleSink } from './bus-rules';
export { LOCAL_SCHEDULER_ROLE_ARN, putSchedules, registrySchedules, removeUndeclaredSchedules, scheduleRequest, type RegisteredSchedule, type ScheduleChange, type ScheduleSink } from './register-schedules';
export { synthesize, synthFiles, type SynthFile } from './synth';
export { consoleExtensions } from './console-extensions';
export { mountPackageEndpoints, servePackageEndpoints, type MountedEndpoints } from './package-endpoints';
