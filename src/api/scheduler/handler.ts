/**
 * EventBridge Scheduler's REST-JSON API on the local endpoint, so that `@aws-sdk/client-scheduler`
 * and `aws scheduler … --endpoint-url` work against it. The server hands it every request signed
 * for the `scheduler` service.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SchedulerApiError, type Scheduler } from '../../events/scheduler';
import { ProtocolError, parseRequest, readBody } from '../json-protocol';
import type { RestHandler } from '../server';
import { sendRestError, sendRestJson } from './protocol';
import { findRoute } from './routes';

/** The SigV4 service name the SDK and the CLI sign Scheduler requests with. */
export const SCHEDULER_SIGNING_NAME = 'scheduler';

export function createSchedulerHandler(scheduler: Scheduler): RestHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = (req.method ?? 'GET').toUpperCase();
      const route = findRoute(method, url.pathname);
      const body = await readBody(req);
      if (!route) return sendRestError(res, 404, 'UnknownOperationException', `No Scheduler operation at ${method} ${url.pathname}`);
      const result = await route.run(scheduler, { ...(route.label !== undefined ? { label: route.label } : {}), query: url.searchParams, body: parseRequest(body) });
      sendRestJson(res, 200, result ?? {});
    } catch (error) {
      sendSchedulerFailure(res, error);
    }
  };
}

function sendSchedulerFailure(res: ServerResponse, error: unknown): void {
  if (error instanceof SchedulerApiError) return sendRestError(res, error.httpStatus, error.code, error.message);
  if (error instanceof ProtocolError) return sendRestError(res, error.httpStatus, error.type.split('#').pop()!, error.message);
  if (error instanceof URIError) return sendRestError(res, 400, 'ValidationException', 'The request path is not valid.');
  sendRestError(res, 500, 'InternalServerException', error instanceof Error ? error.message : String(error));
}
