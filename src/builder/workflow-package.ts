/**
 * A workflow package: everything one workflow family ships, in one folder that exports one object —
 * its state machines, the rules that start them, the buckets they need, and the npm packages with
 * native binaries its task functions must carry. The engine, `statecraft synth` and the CDK app
 * receive a {@link WorkflowRegistry} of these; none of them names a workflow.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ModelRegistryLocation } from '../services/models';
import { BuilderError } from './builder-error';
import type { LakeTable } from './lake-table';
import { validateCommands, type PackageCommand } from './package-command';
import type { BucketDefinition, RuleDefinition } from './rule';
import { checkScheduleTargets, scheduleKey, type ScheduleDefinition } from './schedule';
import type { TaskDefinition } from './task-definition';
import type { Workflow } from './workflow';

/**
 * An npm package whose files a bundler cannot inline — a compiled addon or executable, or files its
 * code reads from disk at run time (model weights, WebAssembly) — shipped beside a function's bundle.
 */
export interface NativePackage {
  readonly name: string;
  /** The files (or whole directories) a function needs at run time, relative to the package directory. */
  readonly files: readonly string[];
  /**
   * A compiled addon or executable its JavaScript loads relative to itself: the package stays out of
   * the bundle. Synth checks it, and every other Linux binary among the files, against Lambda's
   * platform. @default none: the package's JavaScript, if the code imports it, is bundled
   */
  readonly binary?: string;
  /** The only tasks whose functions carry it (a large executable only one task runs). @default every task of the package */
  readonly tasks?: readonly TaskDefinition[];
}

/**
 * A picture of a workflow's results in the web console: a browser ES module at `module` (an absolute
 * file path) that exports `render(container, { execution, output, history }, api)`; `api` holds
 * Chart.js and the S3 and Step Functions calls any client of the endpoint makes (see the README's Console).
 */
export interface ResultView {
  readonly workflow: string;
  readonly title: string;
  readonly module: string;
}

/**
 * A page a package adds to the web console (e.g. a labeling tool for a workflow that waits for
 * people): a browser ES module at `module` (an absolute file path) that exports
 * `render(container, { path, settings }, api)`, shown in the console's navigation as `title` at `#/<route>`;
 * `path` is the rest of the address after `#/<route>/`. `render` may return a function the console
 * calls when the user leaves the page. The module may import the `.js` files beside it.
 */
export interface ConsolePage {
  /** One address segment, lower case: `labeling` → `#/labeling`, `#/labeling/<anything>`. */
  readonly route: string;
  readonly title: string;
  readonly module: string;
  /** JSON the page receives as `settings` (where its objects live, say), so the module repeats no constant. @default {} */
  readonly settings?: Readonly<Record<string, unknown>>;
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
  /** Pages this package adds to the console. @default none */
  consolePages?: readonly ConsolePage[];
  /** The data lake tables this package's tasks write and query. @default none */
  tables?: readonly LakeTable[];
  /** EventBridge Scheduler schedules that start this package's workflows. @default none */
  schedules?: readonly ScheduleDefinition[];
  /** Local stand-ins for outside HTTP services its tasks call, served by `statecraft serve`. @default none */
  endpoints?: readonly PackageEndpoint[];
  /**
   * What its task functions read from the environment on AWS (e.g. the base URL of an outside
   * service), name → default value; the CDK app takes a context value of the same name instead.
   * @default none
   */
  environment?: Readonly<Record<string, string>>;
  /** Commands the package adds to `statecraft` (`statecraft brand train`). @default none */
  commands?: readonly PackageCommand[];
}

/** What a package endpoint is built with: the engine's clock, so a virtual clock reaches it. */
export interface EndpointContext {
  now(): Date;
}

/** Answers one request under the endpoint's path; never rejects for an expected failure. */
export type EndpointHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * A local HTTP endpoint a package contributes (a replayed market-data API, say): the host mounts it
 * at `/_<name>/` on its own port — no bucket name starts with `_`, so S3's paths never clash.
 */
export interface PackageEndpoint {
  /** Lower-case letters, digits and dashes. */
  readonly name: string;
  create(context: EndpointContext): EndpointHandler;
  /** The environment the package's tasks need to find the endpoint once it is mounted at `url`. */
  environment?(url: string): Record<string, string>;
}

export interface WorkflowPackage extends Readonly<Required<WorkflowPackageProps>> {
  readonly kind: 'workflow-package';
}

/** One lower-case address segment: a console page's route, an endpoint's name. */
const SEGMENT = /^[a-z][a-z0-9-]*$/;

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
  for (const page of props.consolePages ?? []) {
    if (!SEGMENT.test(page.route)) throw new BuilderError(`console page "${page.title}" has the route "${page.route}": expected one lower-case segment (a-z, 0-9, -)`);
  }
  checkScheduleTargets(props.schedules ?? [], props.workflows);
  for (const endpoint of props.endpoints ?? []) {
    if (!SEGMENT.test(endpoint.name)) throw new BuilderError(`endpoint "${endpoint.name}": names are lower-case letters, digits and dashes, starting with a letter`);
  }
  validateCommands(props.commands ?? []);
  const own = new Set(props.workflows.flatMap((workflow) => workflow.tasks()));
  for (const native of props.nativePackages ?? []) {
    const foreign = (native.tasks ?? []).filter((task) => !own.has(task));
    if (foreign.length > 0) throw new BuilderError(`native package ${native.name} names tasks that are not this package's: ${foreign.map((task) => task.name).join(', ')}`);
  }
  return { kind: 'workflow-package', rules: [], buckets: [], nativePackages: [], resultViews: [], consolePages: [], tables: [], schedules: [], endpoints: [], environment: {}, commands: [], ...props };
}

export function isWorkflowPackage(value: unknown): value is WorkflowPackage {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'workflow-package';
}

/** One state machine of a package, with the rules that start it. */
export interface WorkflowEntry {
  readonly name: string;
  readonly workflow: Workflow<unknown, unknown>;
  readonly rules: readonly RuleDefinition[];
  /** The Scheduler schedules that start it. */
  readonly schedules: readonly ScheduleDefinition[];
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
    pkg.workflows.map((workflow) => ({ name: workflow.name, workflow: workflow as Workflow<unknown, unknown>, rules: pkg.rules.filter((rule) => rule.target.workflow === workflow.name), schedules: pkg.schedules.filter((schedule) => schedule.target.workflow === workflow.name), package: pkg })),
  );
  assertUnique(workflows.map((entry) => entry.name), 'workflow');
  assertUnique(packages.flatMap((pkg) => pkg.rules.map((rule) => rule.name)), 'rule');
  assertUnique(packages.flatMap((pkg) => pkg.schedules.map(scheduleKey)), 'schedule');
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
  assertUnique(packages.flatMap((pkg) => pkg.consolePages.map((page) => page.route)), 'console page route');
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
