/**
 * `X-Amz-Target: AWSGlue.<Operation>` requests, answered by the lake's Data Catalog, so that
 * `@aws-sdk/client-glue` and `aws glue … --endpoint-url` work against the local endpoint.
 * @see https://docs.aws.amazon.com/glue/latest/webapi/API_Operations.html
 */
import type { ServerResponse } from 'node:http';
import { GlueError, type DataCatalog } from '../../lake';
import { ProtocolError } from '../json-protocol';
import { json11Handler, sendJson11, type Json11Operation } from '../events/protocol';
import type { TargetHandler } from '../server';

export const GLUE_TARGET_PREFIX = 'AWSGlue';

type Operation = Json11Operation<DataCatalog>;

const OPERATIONS: Record<string, Operation> = {
  CreateDatabase: (c, r) => c.createDatabase(r),
  GetDatabase: (c, r) => c.getDatabase(r),
  GetDatabases: (c, r) => c.getDatabases(r),
  DeleteDatabase: (c, r) => c.deleteDatabase(r),
  CreateTable: (c, r) => c.createTable(r),
  UpdateTable: (c, r) => c.updateTable(r),
  GetTable: (c, r) => c.getTable(r),
  GetTables: (c, r) => c.getTables(r),
  DeleteTable: (c, r) => c.deleteTable(r),
  CreatePartition: (c, r) => c.createPartition(r),
  BatchCreatePartition: (c, r) => c.batchCreatePartition(r),
  GetPartition: (c, r) => c.getPartition(r),
  GetPartitions: (c, r) => c.getPartitions(r),
  BatchGetPartition: (c, r) => c.batchGetPartition(r),
  DeletePartition: (c, r) => c.deletePartition(r),
  BatchDeletePartition: (c, r) => c.batchDeletePartition(r),
};

export function createGlueHandler(catalog: DataCatalog): TargetHandler {
  return json11Handler(GLUE_TARGET_PREFIX, catalog, OPERATIONS, sendGlueFailure);
}

function sendGlueFailure(res: ServerResponse, err: unknown): void {
  if (err instanceof GlueError) return sendJson11(res, 400, { __type: err.code, Message: err.message });
  if (err instanceof ProtocolError) return sendJson11(res, err.httpStatus, { __type: err.type, Message: err.message });
  sendJson11(res, 500, { __type: 'InternalServiceException', Message: err instanceof Error ? err.message : String(err) });
}
