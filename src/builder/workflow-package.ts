/**
 * A workflow package: everything one workflow family ships, in one folder that exports one object —
 * its state machines, the rules that start them, the buckets they need, and the npm packages with
 * native binaries its task functions must carry. The engine, `statecraft synth` and the CDK app
 * receive a {@link WorkflowRegistry} of these; none of them names a workflow.
 */
import type { ModelRegistryLocation } from '../services/models';
import { BuilderError } from './builder-error';
import type { LakeTable } from './lake-table';
import { validateCommands, type PackageCommand } from './package-command';
import type { BucketDefinition, RuleDefinition } from './rule';
import type { TaskDefinition } from './task-definition';
import type { Workflow } from './workflow';

/** An npm package whose compiled files a bundler cannot inline: shipped beside a function's bundle. */
export interface NativePackage {
  readonly name: string;
  /** The files a function needs at run time, relative to the package directory. */
  readonly files: readonly string[];
  /** The compiled addon or executable among them, checked against Lambda's platform at synth. */
  readonly binary: string;
}

/**
 * A picture of a workflow's results in the web console: a browser ES module at `module` (an absolute
 * file path) that exports `render(container, { execution, output, history }, { Chart })`.
 */
export interface ResultView {
  readonly workflow: string;
  readonly title: string;
  readonly module: string;
}

export interface WorkflowPackageProps {
  /** Absolute path of the module exporting the package (`__filename`): Lambda bundles import it. */
  module: string;
  // Workflows are heterogeneous in their input and output types; the list erases them.
  workflows: readonly Workflow<any, any>[];
  /** @default none */
  rules?: readonly RuleDefinition[];
  /** @default none */
  buckets?: readonly BucketDefinition[];
  /** @default none */
  nativePackages?: readonly NativePackage[];
  /** The console's pictures of this package's results. @default none */
  resultViews?: readonly ResultView[];
  /** The data lake tables this package's tasks write and query. @default none */
  tables?: readonly LakeTable[];
  /** Commands the package adds to `statecraft` (`statecraft brand train`). @default none */
  commands?: readonly PackageCommand[];
}

export interface WorkflowPackage extends Readonly<Required<WorkflowPackageProps>> {
  readonly kind: 'workflow-package';
}

export function defineWorkflowPackage(props: WorkflowPackageProps): WorkflowPackage {
  const names = new Set(props.workflows.map((workflow) => workflow.name));
  for (const rule of props.rules ?? []) {
    if (!names.has(rule.target.workflow)) throw new BuilderError(`rule ${rule.name} targets "${rule.target.workflow}", which is not a workflow of this package (${[...names].join(', ')})`);
  }
    const tables = new Set((props.tables ?? []).map((table) => table.name));
  for (const task of props.workflows.flatMap((workflow) => workflow.tasks())) {
    const unknown = (task.access.lakeTables ?? []).filter((name) => !tables.has(name));
    if (unknown.length > 0) throw new BuilderError(`task ${task.name} names lake tables its package does not declare: ${unknown.join(', ')}`);
  }
  validateCommands(props.commands ?? []);
  return { kind: 'workflow-package', rules: [], buckets: [], nativePackages: [], resultViews: [], tables: [], commands: [], ...props };
}

export function isWorkflowPackage(value: unknown): value is WorkflowPackage {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'workflow-package';
}

/** One state machine of a package, with the rules that start it. */
export interface WorkflowEntry {
  readonly name: string;
  readonly workflow: Workflow<unknown, unknown>;
  readonly rules: readonly RuleDefinition[];
  readonly package: WorkflowPackage;
}

export interface WorkflowRegistry {
  readonly packages: readonly WorkflowPackage[];
  /** Every state machine of every package. */
  readonly workflows: readonly WorkflowEntry[];
  /** Every bucket any package declares, once, the model registry's included. */
  readonly buckets: readonly BucketDefinition[];
  readonly modelRegistry: ModelRegistryLocation;
  /** Every lake table any package declares. */
  readonly tables: readonly LakeTable[];
  /** Every task of every workflow, once. */
  tasks(): TaskDefinition[];
  find(workflowName: string): WorkflowEntry | undefined;
}

export interface RegistryProps {
  packages: readonly WorkflowPackage[];
  /** Where model versions are kept; its bucket is created like the packages' buckets. */
  modelRegistry: ModelRegistryLocation;
}

export function defineRegistry({ packages, modelRegistry }: RegistryProps): WorkflowRegistry {
  const workflows: WorkflowEntry[] = packages.flatMap((pkg) =>
    pkg.workflows.map((workflow) => ({ name: workflow.name, workflow: workflow as Workflow<unknown, unknown>, rules: pkg.rules.filter((rule) => rule.target.workflow === workflow.name), package: pkg })),
  );
  assertUnique(workflows.map((entry) => entry.name), 'workflow');
  assertUnique(packages.flatMap((pkg) => pkg.rules.map((rule) => rule.name)), 'rule');
  const buckets = new Map<string, BucketDefinition>([[modelRegistry.bucket, { name: modelRegistry.bucket, eventBridge: false }]]);
  for (const bucket of packages.flatMap((pkg) => pkg.buckets)) {
    // A bucket any package wants notifications from sends them.
    buckets.set(bucket.name, { name: bucket.name, eventBridge: bucket.eventBridge || (buckets.get(bucket.name)?.eventBridge ?? false) });
  }
  // A task shared by several workflows is one function; two different tasks may not share a name.
  const tasks = new Map<string, TaskDefinition>();
  for (const task of workflows.flatMap((entry) => entry.workflow.tasks())) {
    if (tasks.has(task.name) && tasks.get(task.name) !== task) throw new BuilderError(`two tasks are named "${task.name}"`);
    tasks.set(task.name, task);
  }
  const tables = packages.flatMap((pkg) => pkg.tables);
  assertUnique(tables.map((table) => table.name), 'lake table');
  return { packages, workflows, buckets: [...buckets.values()], modelRegistry, tables, tasks: () => [...tasks.values()], find: (name) => workflows.find((entry) => entry.name === name) };
}

function assertUnique(names: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new BuilderError(`two ${what}s are named "${name}"`);
    seen.add(name);
  }
}
