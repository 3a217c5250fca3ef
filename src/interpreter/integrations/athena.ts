/**
 * Athena as a Task resource: `athena:startQueryExecution` (Request Response returns the query's id;
 * `.sync` waits and returns GetQueryExecution's output), `athena:getQueryExecution`,
 * `athena:getQueryResults` and `athena:stopQueryExecution`, each the Athena API call of the same name.
 * A query that ends FAILED or CANCELLED under `.sync` fails the state with States.TaskFailed, the
 * cause being GetQueryExecution's output, as Step Functions reports a failed job.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/connect-athena.html
 */
import type { Json } from '../../asl/json';
import { isJsonObject } from '../../asl/json';
import { StatesError, StatesErrors, runtimeError } from '../../asl/errors';
import type { StateContext } from '../runtime';
import type { AthenaQueries } from './services';

export type AthenaCall = (parameters: Json, ctx: StateContext, signal: AbortSignal, attempt: number) => Promise<Json>;

export const ATHENA_ACTIONS = ['startQueryExecution', 'startQueryExecution.sync', 'getQueryExecution', 'getQueryResults', 'stopQueryExecution'] as const;

export function isAthenaAction(action: string): action is (typeof ATHENA_ACTIONS)[number] {
  return (ATHENA_ACTIONS as readonly string[]).includes(action);
}

export function athenaCall(action: (typeof ATHENA_ACTIONS)[number], resource: string): AthenaCall {
  return async (parameters, ctx, signal, attempt) => {
    const athena = ctx.rt.services.athena;
    if (!athena) throw runtimeError(`The resource '${resource}' is not available in this runtime.`);
    switch (action) {
      case 'startQueryExecution':
        return athena.startQueryExecution(parameters, idempotencyKey(ctx, attempt));
      case 'startQueryExecution.sync':
        return runToEnd(athena, parameters, idempotencyKey(ctx, attempt), signal);
      case 'getQueryExecution':
        return athena.getQueryExecution(parameters);
      case 'getQueryResults':
        return athena.getQueryResults(parameters);
      case 'stopQueryExecution':
        return athena.stopQueryExecution(parameters);
    }
  };
}

async function runToEnd(athena: AthenaQueries, parameters: Json, key: string, signal: AbortSignal): Promise<Json> {
  const started = await athena.startQueryExecution(parameters, key);
  const id = isJsonObject(started) && typeof started.QueryExecutionId === 'string' ? started.QueryExecutionId : undefined;
  if (!id) throw new StatesError(StatesErrors.TaskFailed, 'Athena started no query execution.');
  let output: Json;
  try {
    output = await athena.waitForQuery(id, signal);
  } catch (err) {
    // A task that times out or is stopped stops its query, as Step Functions does for .sync jobs.
    if (signal.aborted) await athena.stopQueryExecution({ QueryExecutionId: id }).catch(() => undefined);
    throw err;
  }
  const state = isJsonObject(output) && isJsonObject(output.QueryExecution) && isJsonObject(output.QueryExecution.Status) ? output.QueryExecution.Status.State : undefined;
  if (state !== 'SUCCEEDED') throw new StatesError(StatesErrors.TaskFailed, JSON.stringify(output));
  return output;
}

/** The same for a step's attempt across restarts. */
function idempotencyKey(ctx: StateContext, attempt: number): string {
  return `${ctx.rt.info.executionArn}#${ctx.stepKey}#${attempt}`;
}
