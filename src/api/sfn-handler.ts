/**
 * `X-Amz-Target: AWSStepFunctions.<Operation>` requests, dispatched to the Engine.
 * @see https://docs.aws.amazon.com/step-functions/latest/apireference/API_Operations.html
 */
import type { Engine } from '../control';
import { SfnApiError } from '../control';
import { ProtocolError, SFN_ERROR_NAMESPACE, parseRequest, sendError, sendJson, unknownOperation } from './json-protocol';
import type { TargetHandler } from './server';

type Operation = (engine: Engine, request: any) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

const OPERATIONS: Record<string, Operation> = {
  CreateStateMachine: (e, r) => e.createStateMachine(r),
  UpdateStateMachine: (e, r) => e.updateStateMachine(r),
  DeleteStateMachine: (e, r) => e.deleteStateMachine(r),
  DescribeStateMachine: (e, r) => e.describeStateMachine(r),
  ListStateMachines: (e, r) => e.listStateMachines(r),
  ValidateStateMachineDefinition: (e, r) => e.validateStateMachineDefinition(r),
  StartExecution: (e, r) => e.startExecution(r),
  StartSyncExecution: (e, r) => e.startSyncExecution(r),
  DescribeExecution: (e, r) => e.describeExecution(r),
  DescribeStateMachineForExecution: (e, r) => e.describeStateMachineForExecution(r),
  ListExecutions: (e, r) => e.listExecutions(r),
  StopExecution: (e, r) => e.stopExecution(r),
  RedriveExecution: (e, r) => e.redriveExecution(r),
  GetExecutionHistory: (e, r) => e.getExecutionHistory(r),
  SendTaskSuccess: (e, r) => e.sendTaskSuccess(r),
  SendTaskFailure: (e, r) => e.sendTaskFailure(r),
  SendTaskHeartbeat: (e, r) => e.sendTaskHeartbeat(r),
  TestState: (e, r) => e.testState(r),
};

export const SFN_TARGET_PREFIX = 'AWSStepFunctions';

export function createSfnHandler(engine: Engine): TargetHandler {
  return async (operation, body, res) => {
    try {
      const run = Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
      if (!run) throw unknownOperation(`${SFN_TARGET_PREFIX}.${operation}`);
      const result = await run(engine, parseRequest(body));
      sendJson(res, 200, result ?? {});
    } catch (err) {
      sendFailure(res, err);
    }
  };
}

export function sendFailure(res: Parameters<TargetHandler>[2], err: unknown): void {
  if (err instanceof SfnApiError) return sendError(res, err.httpStatus, `${SFN_ERROR_NAMESPACE}#${err.code}`, err.message);
  if (err instanceof ProtocolError) return sendError(res, err.httpStatus, err.type, err.message);
  const message = err instanceof Error ? err.message : String(err);
  sendError(res, 500, 'com.amazon.coral.service#InternalFailure', message);
}
