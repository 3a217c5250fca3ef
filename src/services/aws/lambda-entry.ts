/**
 * The entry of a task's Lambda function: the bundler generates
 * `export const handler = lambdaEntryOf(<the workflow package's module>, '<task name>')`. Services
 * are built at cold start from the environment the CDK app sets (a missing variable fails the cold
 * start, naming it), and every call goes through {@link invokeTask}, as on the local host.
 */
import { isWorkflowPackage, type WorkflowPackage } from '../../builder/workflow-package';
import type { TaskDefinition } from '../../builder/task-definition';
import { invokeTask } from '../invoke-task';
import type { HandlerServices } from '../services';
import { awsServices, modelRegistryFrom } from './aws-services';

export type LambdaHandler = (event: unknown, context?: unknown) => Promise<unknown>;

/** The handler of task `taskName` of the workflow package among `moduleExports`. */
export function lambdaEntryOf(moduleExports: Record<string, unknown>, taskName: string): LambdaHandler {
  const pkg = Object.values(moduleExports).find(isWorkflowPackage);
  if (!pkg) throw new Error(`The module bundled for task "${taskName}" exports no workflow package.`);
  return lambdaEntry(pkg, taskName, awsServices(process.env));
}

export function lambdaEntry(pkg: WorkflowPackage, taskName: string, services: HandlerServices, env: NodeJS.ProcessEnv = process.env): LambdaHandler {
  const task = findTask(pkg, taskName);
  const registry = modelRegistryFrom(env);
  return async (event) => invokeTask(task, event, services, registry);
}

function findTask(pkg: WorkflowPackage, name: string): TaskDefinition {
  const task = pkg.workflows.flatMap((workflow) => workflow.tasks()).find((candidate) => candidate.name === name);
  if (!task) throw new Error(`The workflow package ${pkg.module} has no task named "${name}".`);
  return task;
}
