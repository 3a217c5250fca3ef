/**
 * `X-Amz-Target: AmazonAthena.<Operation>` requests, answered by the lake's query service, so that
 * `@aws-sdk/client-athena` and `aws athena … --endpoint-url` work against the local endpoint.
 * Queries run in the background: StartQueryExecution answers before the query runs.
 * @see https://docs.aws.amazon.com/athena/latest/APIReference/API_Operations.html
 */
import type { ServerResponse } from 'node:http';
import { AthenaError, type AthenaService } from '../../lake';
import { ProtocolError } from '../json-protocol';
import { json11Handler, sendJson11, type Json11Operation } from '../events/protocol';
import type { TargetHandler } from '../server';

export const ATHENA_TARGET_PREFIX = 'AmazonAthena';

type Operation = Json11Operation<AthenaService>;

const OPERATIONS: Record<string, Operation> = {
  StartQueryExecution: (a, r) => a.startQueryExecution(r),
  GetQueryExecution: (a, r) => a.getQueryExecution(r),
  BatchGetQueryExecution: (a, r) => a.batchGetQueryExecution(r),
  GetQueryResults: (a, r) => a.getQueryResults(r),
  StopQueryExecution: (a, r) => a.stopQueryExecution(r),
  ListQueryExecutions: (a, r) => a.listQueryExecutions(r),
  GetWorkGroup: (a, r) => a.workGroups.describe(r),
  ListWorkGroups: (a) => a.workGroups.list(),
  CreateWorkGroup: (a, r) => a.workGroups.create(r),
  DeleteWorkGroup: (a, r) => a.workGroups.delete(r),
};

export function createAthenaHandler(athena: AthenaService): TargetHandler {
  return json11Handler(ATHENA_TARGET_PREFIX, athena, OPERATIONS, sendAthenaFailure);
}

function sendAthenaFailure(res: ServerResponse, err: unknown): void {
  if (err instanceof AthenaError) {
    const status = err.code === 'InternalServerException' ? 500 : 400;
    return sendJson11(res, status, { __type: err.code, Message: err.message, ...(err.athenaErrorCode ? { AthenaErrorCode: err.athenaErrorCode } : {}) });
  }
  if (err instanceof ProtocolError) return sendJson11(res, err.httpStatus, { __type: err.type, Message: err.message });
  sendJson11(res, 500, { __type: 'InternalServerException', Message: err instanceof Error ? err.message : String(err) });
}
