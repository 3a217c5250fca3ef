/**
 * The whole deployment in one stack, built from the workflow registry: shared storage, lake and
 * alerts, and per workflow its task functions, state machine and rules. Nothing about a workflow
 * is restated here; what the stack adds is AWS-only (names, encryption, permissions).
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import * as path from 'node:path';
import type { TaskDefinition } from '../src/builder';
import type { BucketDefinition, WorkflowEntry } from '../workflows/registry';
import { ENVIRONMENT } from '../src/services/aws/aws-services';
import { MODEL_REGISTRY_PREFIX } from '../src/services/model-registry';
import { Alerts } from './constructs/alerts';
import { Lake } from './constructs/lake';
import { Storage } from './constructs/storage';
import { TaskFunction } from './constructs/task-function';
import { WorkflowRules } from './constructs/workflow-rules';
import { WorkflowStateMachine } from './constructs/workflow-state-machine';
import type { TaskAccess } from '../src/services/access';
import { taskStatements, type AccessTargets } from './iam/task-statements';

export interface StatecraftStackProps extends StackProps {
  readonly workflows: readonly WorkflowEntry[];
  readonly buckets: readonly BucketDefinition[];
  /** What each task touches, by task name; every deployed task must be listed. */
  readonly taskAccess: Readonly<Record<string, TaskAccess>>;
  /** Logical name of the bucket holding the model registry and the lake. */
  readonly dataBucket: string;
  readonly repositoryRoot: string;
  /** Where task bundles are written, one directory per task. */
  readonly bundleRoot: string;
  /** Subscribed to the alerts topic when given. */
  readonly alertEmail?: string;
}

export class MissingTaskAccessError extends Error {
  override readonly name = 'MissingTaskAccessError';
}

export class StatecraftStack extends Stack {
  readonly storage: Storage;
  readonly lake: Lake;
  readonly functions = new Map<string, lambda.Function>();
  readonly stateMachines = new Map<string, WorkflowStateMachine>();
  readonly alerts: Alerts;

  constructor(scope: Construct, id: string, props: StatecraftStackProps) {
    super(scope, id, props);
    this.storage = new Storage(this, 'Storage', { buckets: props.buckets });
    const dataBucket = this.storage.bucket(props.dataBucket);
    this.lake = new Lake(this, 'Lake', { bucket: dataBucket, key: this.storage.key });
    const targets: AccessTargets = {
      bucket: (name) => this.storage.bucket(name),
      key: this.storage.key,
      lake: this.lake,
      modelRegistry: { bucket: props.dataBucket, prefix: MODEL_REGISTRY_PREFIX },
    };
    const environment = { [ENVIRONMENT.modelRegistryBucket]: dataBucket.bucketName };
    for (const task of uniqueTasks(props.workflows)) {
      const access = props.taskAccess[task.name];
      if (!access) throw new MissingTaskAccessError(`task "${task.name}" has no access declaration; list it (even as {}) so its role is derived, not guessed`);
      const fn = new TaskFunction(this, `Task-${task.name}`, {
        task,
        statements: taskStatements(this, access, targets),
        environment,
        repositoryRoot: props.repositoryRoot,
        bundleDir: path.join(props.bundleRoot, task.name),
      });
      this.functions.set(task.name, fn.function);
    }
    for (const entry of props.workflows) {
      const machine = new WorkflowStateMachine(this, `Workflow-${entry.name}`, { workflow: entry.workflow, functions: this.functions });
      this.stateMachines.set(entry.name, machine);
      new WorkflowRules(machine, 'Rules', { rules: entry.rules, stateMachine: machine.stateMachine, bucketNames: this.storage.deployedNames });
    }
    this.alerts = new Alerts(this, 'Alerts', {
      stateMachines: [...this.stateMachines].map(([name, machine]) => ({ name, stateMachine: machine.stateMachine })),
      email: props.alertEmail,
    });
  }
}

/** Tasks shared by several workflows are deployed once. */
function uniqueTasks(workflows: readonly WorkflowEntry[]): TaskDefinition[] {
  const byName = new Map<string, TaskDefinition>();
  for (const entry of workflows) for (const task of entry.workflow.tasks()) byName.set(task.name, task);
  return [...byName.values()];
}
