/**
 * The whole deployment in one stack, built from the workflow registry: shared storage, lake and
 * alerts, and per workflow its task functions, state machine, rules and schedules. Nothing about a workflow
 * is restated here; what the stack adds is AWS-only (names, encryption, permissions).
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import * as path from 'node:path';
import type { TaskDefinition, WorkflowPackage, WorkflowRegistry } from '../src/builder';
import { ENVIRONMENT } from '../src/services/aws/aws-services';
import { Alerts } from './constructs/alerts';
import { Lake } from './constructs/lake';
import { Storage } from './constructs/storage';
import { TaskFunction } from './constructs/task-function';
import { WorkflowRules } from './constructs/workflow-rules';
import { ScheduleGroups } from './constructs/schedule-groups';
import { WorkflowSchedules } from './constructs/workflow-schedules';
import { WorkflowStateMachine } from './constructs/workflow-state-machine';
import { taskStatements, type AccessTargets } from './iam/task-statements';

export interface StatecraftStackProps extends StackProps {
  /** The workflow packages to deploy; each task's role comes from its own access declaration. */
  readonly registry: WorkflowRegistry;
  readonly repositoryRoot: string;
  /** Where task bundles are written, one directory per task. */
  readonly bundleRoot: string;
  /** Subscribed to the alerts topic when given. */
  readonly alertEmail?: string;
}

export class StatecraftStack extends Stack {
  readonly storage: Storage;
  readonly lake: Lake;
  readonly functions = new Map<string, lambda.Function>();
  readonly stateMachines = new Map<string, WorkflowStateMachine>();
  readonly alerts: Alerts;

  constructor(scope: Construct, id: string, props: StatecraftStackProps) {
    super(scope, id, props);
    const { registry } = props;
    this.storage = new Storage(this, 'Storage', { buckets: registry.buckets });
    // The lake lives in the model registry's bucket, the one bucket every registry has.
    const lakeBucket = this.storage.bucket(registry.modelRegistry.bucket);
    this.lake = new Lake(this, 'Lake', { bucket: lakeBucket, key: this.storage.key });
    for (const table of registry.tables) this.lake.addTable(table, this.storage.bucket(table.bucket).bucketName);
    const targets: AccessTargets = {
      bucket: (name) => this.storage.bucket(name),
      table: (name) => {
        const table = registry.tables.find((candidate) => candidate.name === name);
        if (!table) throw new Error(`no lake table named "${name}"`);
        return table;
      },
      key: this.storage.key,
      lake: this.lake,
      modelRegistry: registry.modelRegistry,
    };
    const environment = {
      [ENVIRONMENT.modelRegistryBucket]: this.storage.bucket(registry.modelRegistry.bucket).bucketName,
      [ENVIRONMENT.modelRegistryPrefix]: registry.modelRegistry.prefix,
      [ENVIRONMENT.lakeDatabase]: this.lake.databaseName,
      [ENVIRONMENT.lakeWorkGroup]: this.lake.workGroupName,
    };
    for (const { task, pkg } of tasksWithPackages(registry)) {
      const fn = new TaskFunction(this, `Task-${task.name}`, {
        task,
        package: pkg,
        statements: taskStatements(this, task.access, targets),
        environment: { ...environment, ...this.packageEnvironment(pkg) },
        repositoryRoot: props.repositoryRoot,
        bundleDir: path.join(props.bundleRoot, task.name),
      });
      this.functions.set(task.name, fn.function);
    }
    const scheduleGroups = new ScheduleGroups(this, 'ScheduleGroups');
    for (const entry of registry.workflows) {
      const machine = new WorkflowStateMachine(this, `Workflow-${entry.name}`, { workflow: entry.workflow, functions: this.functions });
      this.stateMachines.set(entry.name, machine);
      new WorkflowRules(machine, 'Rules', { rules: entry.rules, stateMachine: machine.stateMachine, bucketNames: this.storage.deployedNames });
      new WorkflowSchedules(machine, 'Schedules', { schedules: entry.schedules, stateMachine: machine.stateMachine, group: (name) => scheduleGroups.group(name) });
    }
    this.alerts = new Alerts(this, 'Alerts', {
      stateMachines: [...this.stateMachines].map(([name, machine]) => ({ name, stateMachine: machine.stateMachine })),
      email: props.alertEmail,
    });
  }

  /** The package's configuration (an outside service's URL, say): a context value of the same name wins over its default. */
  private packageEnvironment(pkg: WorkflowPackage): Record<string, string> {
    return Object.fromEntries(Object.entries(pkg.environment).map(([name, fallback]) => [name, String(this.node.tryGetContext(name) ?? fallback)]));
  }
}

/** Every task once (tasks shared by several workflows are one function), with the package its bundle imports. */
function tasksWithPackages(registry: WorkflowRegistry): Array<{ task: TaskDefinition; pkg: WorkflowPackage }> {
  const byName = new Map<string, { task: TaskDefinition; pkg: WorkflowPackage }>();
  for (const entry of registry.workflows) for (const task of entry.workflow.tasks()) if (!byName.has(task.name)) byName.set(task.name, { task, pkg: entry.package });
  return [...byName.values()];
}
