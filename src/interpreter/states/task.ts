/**
 * Task: does work through a resource (Lambda, a nested execution, an event), with timeouts,
 * heartbeats, Retry and Catch.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html
 */
import type { TaskState } from '../../asl/definition';
import type { Json } from '../../asl/json';
import { runtimeError } from '../../asl/errors';
import { contextObject } from '../context-object';
import { resolveResource, taskToken } from '../integrations/resources';
import { runTaskAttempt, type TaskTimeouts } from '../integrations/task-lifecycle';
import { selectPath } from '../jsonpath';
import { evaluateJsonataNumber } from '../jsonata';
import { effectiveInput, jsonataBindings, pathScope } from '../query';
import type { StateContext } from '../runtime';
import { withRetryAndCatch } from './guarded';
import type { StateOutcome } from './outcome';

export async function evaluateTask(state: TaskState, input: Json, ctx: StateContext): Promise<StateOutcome> {
  const resource = resolveResource(state.Resource);
  return withRetryAndCatch(ctx, state, input, async (attempt) => {
    const token = resource.callback ? taskToken(ctx, attempt) : undefined;
    const context = contextObject(ctx, attempt, token);
    const parameters = await effectiveInput(ctx, state, input, context);
    const timeouts = await taskTimeouts(state, input, ctx);
    return runTaskAttempt(ctx, resource.target, parameters, attempt, timeouts, resource.work(parameters, ctx, attempt));
  });
}

async function taskTimeouts(state: TaskState, input: Json, ctx: StateContext): Promise<TaskTimeouts> {
  return {
    timeoutSeconds: await seconds(state.TimeoutSeconds, state.TimeoutSecondsPath, 'TimeoutSeconds', input, ctx),
    heartbeatSeconds: await seconds(state.HeartbeatSeconds, state.HeartbeatSecondsPath, 'HeartbeatSeconds', input, ctx),
  };
}

async function seconds(value: number | string | undefined, path: string | undefined, field: string, input: Json, ctx: StateContext): Promise<number | undefined> {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return evaluateJsonataNumber(value, jsonataBindings(ctx, input), field);
  if (path === undefined) return undefined;
  const found = selectPath(path, pathScope(ctx, input), `${field}Path`);
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 1) {
    throw runtimeError(`The ${field}Path field refers to value ${JSON.stringify(found)} which is not a valid positive integer: ${path}`);
  }
  return found;
}
