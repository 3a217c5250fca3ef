/**
 * Starting a registered workflow by name: the input is checked against the workflow's input schema
 * where it enters, so a bad input is refused with the failing fields named and no execution starts.
 */
import type { WorkflowRegistry } from '../builder/workflow-package';
import type { Engine } from '../control/engine';
import type { ExecutionResult } from '../interpreter/execution';
import { assertPayload } from '../schemas';
import { stateMachineArn } from './register-locally';

export class UnknownWorkflowError extends Error {
  override readonly name = 'UnknownWorkflowError';
}

/** What starting a workflow needs of a local runtime. */
export interface WorkflowHost {
  readonly engine: Engine;
  readonly registry: WorkflowRegistry;
}

/** Validates `input` and starts an execution of the workflow named `workflowName`; returns its ARN. */
export function startWorkflow({ engine, registry }: WorkflowHost, workflowName: string, input: unknown, executionName?: string): string {
  const entry = registry.find(workflowName);
  if (!entry) throw new UnknownWorkflowError(`No workflow named "${workflowName}" is registered (registered: ${registry.workflows.map((w) => w.name).join(', ')}).`);
  assertPayload(entry.workflow.props.input, input, `Input of workflow ${workflowName}`);
  const started = engine.startExecution({ stateMachineArn: stateMachineArn(engine, workflowName), input: JSON.stringify(input), name: executionName });
  return started.executionArn!;
}

/** Starts the workflow and resolves when its execution ends, with the ARN for history queries. */
export async function runWorkflow(host: WorkflowHost, workflowName: string, input: unknown, executionName?: string): Promise<ExecutionResult & { executionArn: string }> {
  const executionArn = startWorkflow(host, workflowName, input, executionName);
  return { ...(await waitForEnd(host.engine, executionArn)), executionArn };
}

export async function waitForEnd(engine: Engine, executionArn: string): Promise<ExecutionResult> {
  const completion = engine.waitForExecution(executionArn);
  if (!completion) throw new Error(`Execution ${executionArn} is not running in this engine.`);
  return completion;
}
