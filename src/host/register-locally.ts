/**
 * Puts a workflow registry into a local Engine: the buckets (with EventBridge notifications where
 * rules listen to uploads) and one state machine per workflow, created or updated to the current ASL.
 */
import { DEFAULT_LOCATION, roleArn } from '../location';
import type { BucketDefinition, RuleDefinition } from '../builder/rule';
import type { WorkflowEntry, WorkflowRegistry } from '../builder/workflow-package';
import type { Engine } from '../control/engine';
import { stateMachineArn as machineArn } from '../control/names';
import type { ObjectStore } from '../objects';

/** A rule with the ARN of the state machine it starts, ready for the event bus. */
export interface RegisteredRule extends RuleDefinition {
  targetArn: string;
}

export const LOCAL_ROLE_ARN = roleArn(DEFAULT_LOCATION, 'statecraft-local');

export function registerLocally(engine: Engine, objects: ObjectStore, registry: WorkflowRegistry): RegisteredRule[] {
  for (const bucket of registry.buckets) ensureBucket(objects, bucket);
  return registry.workflows.flatMap((entry) => {
    const arn = upsertStateMachine(engine, entry);
    return entry.rules.map((rule) => ({ ...rule, targetArn: arn }));
  });
}

export function stateMachineArn(engine: Engine, workflowName: string): string {
  return machineArn(engine.location, workflowName);
}

export function ensureBucket(objects: ObjectStore, bucket: BucketDefinition): void {
  if (!objects.listBuckets().some((existing) => existing.name === bucket.name)) objects.createBucket(bucket.name);
  objects.setEventBridgeNotifications(bucket.name, bucket.eventBridge);
}

function upsertStateMachine(engine: Engine, entry: WorkflowEntry): string {
  const arn = stateMachineArn(engine, entry.name);
  const definition = JSON.stringify(entry.workflow.definition({ stateMachineArn: (name) => stateMachineArn(engine, name) }));
  const exists = (engine.listStateMachines().stateMachines ?? []).some((machine) => machine.stateMachineArn === arn);
  if (exists) engine.updateStateMachine({ stateMachineArn: arn, definition });
  else engine.createStateMachine({ name: entry.name, definition, roleArn: LOCAL_ROLE_ARN, type: 'STANDARD' });
  return arn;
}
