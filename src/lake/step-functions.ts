/**
 * The lake's Athena as the interpreter's `AthenaQueries`: what `arn:aws:states:::athena:*` tasks
 * call. Responses are JSON as Step Functions passes them on (timestamps as epoch milliseconds);
 * API errors become `Athena.<ErrorCode>` with the cause formatted as the AWS SDK for Java words it.
 */
import { createHash } from 'node:crypto';
import { StatesError } from '../asl/errors';
import type { Json } from '../asl/json';
import type { AthenaQueries } from '../interpreter/integrations/services';
import { AthenaError } from './athena/errors';
import { executionOutput, type AthenaService } from './athena/query-service';

export function athenaTaskService(athena: AthenaService): AthenaQueries {
  return {
    startQueryExecution: (request, key) =>
      call(() => {
        const body = asRequest(request);
        // A ClientRequestToken derived from the step makes a resumed task find its own query.
        const token = body.ClientRequestToken ?? createHash('sha256').update(key).digest('hex');
        return athena.startQueryExecution({ ...body, ClientRequestToken: token });
      }),
    getQueryExecution: (request) => call(() => athena.getQueryExecution(asRequest(request))),
    getQueryResults: (request) => call(() => athena.getQueryResults(asRequest(request))),
    stopQueryExecution: (request) => call(() => athena.stopQueryExecution(asRequest(request))),
    waitForQuery: async (id, signal) => toJson({ QueryExecution: executionOutput(await athena.whenFinished(id, signal)) }),
  };
}

async function call(work: () => unknown): Promise<Json> {
  try {
    return toJson(await work());
  } catch (err) {
    if (err instanceof AthenaError) {
      const status = err.code === 'InternalServerException' ? 500 : 400;
      throw new StatesError(`Athena.${err.code}`, `${err.message} (Service: AmazonAthena; Status Code: ${status}; Error Code: ${err.code}; Request ID: ${globalThis.crypto.randomUUID()}; Proxy: null)`);
    }
    throw err;
  }
}

function asRequest(request: Json): Record<string, unknown> {
  return request !== null && typeof request === 'object' && !Array.isArray(request) ? (request as Record<string, unknown>) : {};
}

function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    const raw = this[key];
    return raw instanceof Date ? raw.getTime() : v;
  })) as Json;
}
