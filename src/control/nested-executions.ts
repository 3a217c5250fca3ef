/**
 * `arn:aws:states:::states:startExecution` (and `.sync`, `.sync:2`): child executions started
 * through the same engine. `.sync` answers with DescribeExecution's fields (Input and Output as
 * JSON text), `.sync:2` with Input and Output parsed.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-stepfunctions.html
 */
import { createHash } from 'node:crypto';
import type { Json, JsonObject } from '../asl/json';
import { StatesError, StatesErrors } from '../asl/errors';
import type { NestedExecutions, StartExecutionRequest } from '../interpreter/integrations/services';
import type { ExecutionInfo } from '../interpreter/runtime';
import { SfnApiError } from './errors';
import type { Executions } from './executions';
import type { ExecutionRunner } from './execution-runner';

export class EngineNestedExecutions implements NestedExecutions {
  constructor(
    private readonly executions: Executions,
    private readonly runner: ExecutionRunner,
  ) {}

  async start(request: StartExecutionRequest, mode: 'async' | 'sync' | 'sync2', parent: ExecutionInfo, signal: AbortSignal, stepId: string): Promise<Json> {
    const input = request.Input === undefined ? undefined : typeof request.Input === 'string' ? request.Input : JSON.stringify(request.Input);
    const name = request.Name ?? childName(parent.executionArn, stepId);
    const started = this.startOrFind({ stateMachineArn: request.StateMachineArn, name, input }, parent.executionArn, request.Name === undefined);
    const arn = started.executionArn;
    if (mode === 'async') return { ExecutionArn: arn, StartDate: started.startDate.getTime() };
    const onAbort = () => void this.runner.stop(arn, 'States.Aborted', 'The parent execution was stopped');
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await this.runner.completion(arn);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    if (signal.aborted) throw signal.reason;
    const response = this.describe(arn, mode === 'sync2');
    if (response.Status !== 'SUCCEEDED') throw new StatesError(StatesErrors.TaskFailed, JSON.stringify(response), false);
    return response;
  }

  /**
   * Starts the child, or — when its name was derived from the parent's step — finds the child a
   * resumed parent had already started before a restart.
   */
  private startOrFind(input: { stateMachineArn: string; name: string; input?: string }, parentArn: string, derivedName: boolean): { executionArn: string; startDate: Date } {
    try {
      const started = this.executions.start(input, { parentArn });
      return { executionArn: started.executionArn!, startDate: started.startDate! };
    } catch (err) {
      if (!(err instanceof SfnApiError)) throw err;
      if (derivedName && err.code === 'ExecutionAlreadyExists') {
        const existing = this.executions.findByName(input.stateMachineArn, input.name);
        if (existing) return existing;
      }
      throw new StatesError(`StepFunctions.${err.code}Exception`, err.message, false);
    }
  }

  private describe(arn: string, parsed: boolean): JsonObject {
    const d = this.executions.describe(arn);
    const data = (text: string | undefined): Json => (text === undefined ? null : parsed ? (JSON.parse(text) as Json) : text);
    const out: JsonObject = {
      ExecutionArn: arn,
      Input: data(d.input),
      InputDetails: { Included: true },
      Name: d.name ?? '',
      RedriveCount: d.redriveCount ?? 0,
      StartDate: d.startDate!.getTime(),
      StateMachineArn: d.stateMachineArn!,
      Status: d.status!,
    };
    if (d.stopDate) out.StopDate = d.stopDate.getTime();
    if (d.output !== undefined) Object.assign(out, { Output: data(d.output), OutputDetails: { Included: true } });
    if (d.error !== undefined) out.Error = d.error;
    if (d.cause !== undefined) out.Cause = d.cause;
    return out;
  }
}

/** A child execution name that is the same for the same parent step and attempt (UUID-shaped). */
function childName(parentArn: string, stepId: string): string {
  const h = createHash('sha256').update(`${parentArn}#${stepId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
