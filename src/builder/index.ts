/**
 * The typed workflow builder: define tasks and events, chain states on a typed {@link Flow}, and
 * render the result to ASL with {@link renderStateMachine}.
 */
export { defineWorkflow, Workflow, type WorkflowProps } from './workflow';
export { Flow } from './flow';
export { defineTask, type TaskDefinition, type TaskDefinitionProps, type TaskInput, type TaskOutput, type TaskRun } from './task-definition';
export { defineWorkflowPackage, defineRegistry, isWorkflowPackage, type WorkflowPackage, type WorkflowPackageProps, type WorkflowEntry, type WorkflowRegistry, type NativePackage, type ResultView, type ConsolePage, type PackageEndpoint, type EndpointContext, type EndpointHandler } from './workflow-package';
export { CommandUsageError, type AwsClientClass, type AwsClientConfig, type CommandContext, type ExecutionOutcome, type LocalCommandHost, type LocalRuntimeRequest, type PackageCommand, type RunWorkflowOptions, type StateTiming } from './package-command';
export type { BucketDefinition, InputTransformer, RuleDefinition } from './rule';
export { defineLakeTable, glueTableInput, type GlueTableInput, type LakeTable, type LakeTableProps } from './lake-table';
export { defineEvent, type EventDefinition, type EventDefinitionProps, type EventDetail } from './event-definition';
export { stateRef, type StateRef, type Terminal, type OutputOf } from './types';
export { eq, ne, gt, gte, lt, lte, and, or, not, isPresent, matches, type Condition } from './conditions';
export { jsonata } from './expression';
export { BuilderError } from './builder-error';
export { renderStateMachine, type RenderOptions } from './render/render-state-machine';
export type { ContextObject, ErrorOutput, Scope, ResultScope, ErrorScope, ItemScope } from './scope';
export type { WorkflowLike, WorkflowInput, WorkflowOutput } from './workflow-types';
export type { ItemBatch, ResultWriterOutput } from './states/map';
export type { StartExecutionResult } from './states/task-start-execution';
export type { PutEventsResult } from './states/task-put-events';
export { defineSchedule, scheduleKey, DEFAULT_SCHEDULE_GROUP, type ScheduleDefinition, type ScheduleDefinitionProps } from './schedule';
