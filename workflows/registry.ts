/**
 * Every workflow statecraft ships, with the rules that start it and the buckets they need. The CDK
 * app, the local runtime (`src/registry`) and `npm run synth` all read this one list.
 */
import type { Workflow } from '../src/builder';
import { kfoldCv } from './kfold-cv/workflow';
import { DATA_BUCKET, kfoldOnUpload, type RuleDefinition } from '../src/builder/rule';

export type { InputTransformer, RuleDefinition } from '../src/builder/rule';
export { DATA_BUCKET } from '../src/builder/rule';

export interface WorkflowEntry {
  name: string;
  /** Its tasks: `workflow.tasks()`; nested state machines and events likewise. */
  workflow: Workflow<unknown, unknown>;
  rules: RuleDefinition[];
}

export interface BucketDefinition {
  name: string;
  /** Send S3 events to EventBridge (upload rules need it). */
  eventBridge: boolean;
}

export const workflows: WorkflowEntry[] = [{ name: kfoldCv.name, workflow: kfoldCv as Workflow<unknown, unknown>, rules: [kfoldOnUpload] }];

export const buckets: BucketDefinition[] = [{ name: DATA_BUCKET, eventBridge: true }];

/** The entry named `name`, or undefined. */
export function findWorkflow(name: string): WorkflowEntry | undefined {
  return workflows.find((entry) => entry.name === name);
}
