/**
 * The workflow registry on the local engine: register state machines and buckets, run task handlers
 * in-process, start workflows by name with their input validated.
 */
export { createLocalRuntime, taskHandlers, type LocalRuntime, type LocalRuntimeOptions } from './local-runtime';
export { createLocalServices, type LocalServices, type LocalServicesOptions } from './local-services';
export { HandlerLambdaInvoker } from './handler-invoker';
export { registerLocally, stateMachineArn, type RegisteredRule, type Registry } from './register-locally';
export { runWorkflow, startWorkflow, UnknownWorkflowError } from './run-workflow';
export { putRulesOnBus, type RuleSink } from './bus-rules';
export { synthesize, synthFiles, type SynthFile } from './synth';
export { runWorkflowInProcess, type InProcessRunOptions } from './run-in-process';
export { consoleExtensions } from './console-extensions';
