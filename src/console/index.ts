/**
 * The web console: pages to start, watch, inspect and redrive executions, the model registry, the
 * event bus and the buckets, served by the endpoint's process (`createConsole(...).front`).
 */
export { createConsole, CONSOLE_PREFIX, type Console, type ConsoleOptions } from './console';
export { refusal, isLoopback, type GuardContext } from './guard';
export type { ConsoleExtensions, ConsolePage, ConsoleModelRegistry, ConsoleModelVersion, ConsoleWorkflow, ModelDecision, ResultView } from './types';
