/**
 * `statecraft run <workflow> --input …`: one execution of a registered workflow, run to the end in
 * this process on the interpreter, with the task handlers in-process and the object store under
 * `objectsDir`. The caller's history sink sees every event as it happens (the CLI's progress lines).
 */
import { randomUUID } from 'node:crypto';
import type { Json } from '../asl/json';
import { WallClock, type Clock } from '../clock/clock';
import { runExecution, type ExecutionResult } from '../interpreter/execution';
import type { EventPublisher } from '../interpreter/integrations/services';
import { MemoryHistorySink, type HistorySink } from '../interpreter/history/sink';
import { ObjectStore } from '../objects';
import { assertPayload } from '../schemas';
import { buckets, findWorkflow } from '../../workflows/registry';
import { HandlerLambdaInvoker } from './handler-invoker';
import { taskHandlers } from './local-runtime';
import { createLocalServices } from './local-services';
import { ensureBucket, LOCAL_ROLE_ARN } from './register-locally';
import { UnknownWorkflowError } from './run-workflow';

export interface InProcessRunOptions {
  workflow: string;
  input: unknown;
  /** The object store's directory (where the datasets are). */
  objectsDir: string;
  /** @default a MemoryHistorySink */
  sink?: HistorySink;
  /** @default new WallClock() */
  clock?: Clock;
  /** Receives the workflow's custom events. @default - accepted and dropped */
  events?: EventPublisher;
  /** @default a UUID */
  executionName?: string;
}

const REGION = 'us-east-1';
const ACCOUNT = '000000000000';

/** Validates the input against the workflow's schema (throws SchemaValidationError), then runs it. */
export async function runWorkflowInProcess(options: InProcessRunOptions): Promise<ExecutionResult & { executionArn: string }> {
  const entry = findWorkflow(options.workflow);
  if (!entry) throw new UnknownWorkflowError(`No workflow named "${options.workflow}" is registered.`);
  const input = assertPayload(entry.workflow.props.input, options.input, `Input of workflow ${entry.name}`) as Json;
  const objects = await ObjectStore.open({ dataDir: options.objectsDir });
  const services = createLocalServices(objects);
  const clock = options.clock ?? new WallClock();
  const name = options.executionName ?? randomUUID();
  const stateMachineArn = `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${entry.name}`;
  const executionArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:${entry.name}:${name}`;
  try {
    for (const bucket of buckets) ensureBucket(objects, bucket);
    const result = await runExecution({
      info: { executionArn, name, stateMachineArn, stateMachineName: entry.name, roleArn: LOCAL_ROLE_ARN, input, startTime: clock.now(), redriveCount: 0, region: REGION, account: ACCOUNT, type: 'STANDARD' },
      definition: entry.workflow.definition(),
      clock,
      sink: options.sink ?? new MemoryHistorySink(),
      services: { lambda: new HandlerLambdaInvoker(taskHandlers, services), ...(options.events && { events: options.events }) },
    });
    return { ...result, executionArn };
  } finally {
    await services.close();
    objects.close();
  }
}
