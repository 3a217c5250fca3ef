/**
 * Task resource ARNs → the work they stand for.
 * @see https://docs.aws.amazon.com/step-functions/latest/dg/integrate-services.html
 */
import type { Json } from '../../asl/json';
import { isJsonObject } from '../../asl/json';
import { StatesError, StatesErrors, runtimeError } from '../../asl/errors';
import type { StateContext } from '../runtime';
import { athenaCall, isAthenaAction } from './athena';
import { invokeFunction, invokeRequest } from './lambda';
import type { TaskTarget, TaskWork } from './task-lifecycle';

export interface ResolvedResource {
  target: TaskTarget;
  callback: boolean;
  work(parameters: Json, ctx: StateContext, attempt: number): TaskWork;
}

const SERVICE = /^arn:aws[\w-]*:states:::([\w-]+):([\w.:-]+?)(\.waitForTaskToken)?$/;
const LAMBDA_FUNCTION = /^arn:aws[\w-]*:lambda:[^:]*:[^:]*:function:[^:]+(:[^:]+)?$/;

export function resolveResource(resource: string): ResolvedResource {
  if (LAMBDA_FUNCTION.test(resource)) {
    return {
      target: { family: 'lambda-function', resourceType: 'lambda', resource, arn: resource },
      callback: false,
      work: (parameters, ctx) => (signal) => invokeFunction(ctx, resource, parameters, signal, false),
    };
  }
  const m = SERVICE.exec(resource);
  if (!m) throw runtimeError(`The resource '${resource}' is not supported.`);
  const [, service, action, callbackSuffix] = m;
  const callback = callbackSuffix !== undefined;
  const target: TaskTarget = { family: 'service', resourceType: service, resource: action + (callbackSuffix ?? ''), arn: resource };
  const call = serviceCall(service, action, resource);
  return {
    target,
    callback,
    work: (parameters, ctx, attempt) => async (signal, heartbeat) => {
      const result = await call(parameters, ctx, signal, attempt);
      if (!callback) return result;
      const tokens = ctx.rt.services.tokens;
      if (!tokens) throw runtimeError('Callback tasks need a task token broker.');
      return tokens.wait(taskToken(ctx, attempt), signal, heartbeat);
    },
  };
}

type ServiceCall = (parameters: Json, ctx: StateContext, signal: AbortSignal, attempt: number) => Promise<Json>;

function serviceCall(service: string, action: string, resource: string): ServiceCall {
  if (service === 'athena' && isAthenaAction(action)) return athenaCall(action, resource);
  const key = `${service}:${action}`;
  switch (key) {
    case 'lambda:invoke':
      return (parameters, ctx, signal) => {
        const { functionName, payload, logType } = invokeRequest(parameters);
        return invokeFunction(ctx, functionName, payload, signal, true, logType);
      };
    case 'states:startExecution':
    case 'states:startExecution.sync':
    case 'states:startExecution.sync:2':
      return (parameters, ctx, signal, attempt) => {
        const executions = ctx.rt.services.executions;
        if (!executions) throw runtimeError(`The resource '${resource}' is not available in this runtime.`);
        if (!isJsonObject(parameters) || typeof parameters.StateMachineArn !== 'string') {
          throw new StatesError(StatesErrors.Runtime, "The field 'StateMachineArn' is required.");
        }
        const mode = action.endsWith('.sync:2') ? 'sync2' : action.endsWith('.sync') ? 'sync' : 'async';
        const request = { StateMachineArn: parameters.StateMachineArn, Input: parameters.Input, Name: typeof parameters.Name === 'string' ? parameters.Name : undefined };
        return executions.start(request, mode, ctx.rt.info, signal, `${ctx.stepKey}#${attempt}`);
      };
    case 'events:putEvents':
      return async (parameters, ctx) => {
        const entries = isJsonObject(parameters) && Array.isArray(parameters.Entries) ? parameters.Entries : [];
        const events = ctx.rt.services.events;
        // Accepted and recorded even where no bus is attached, as a bus-less engine would.
        if (!events) return { Entries: entries.map(() => ({ EventId: ctx.rt.newId() })), FailedEntryCount: 0 };
        return events.putEvents(entries, ctx.rt.info);
      };
    default:
      throw runtimeError(`The resource '${resource}' is not supported.`);
  }
}

/** Deterministic per attempt, so a callback task resumed after a restart keeps its token. */
export function taskToken(ctx: StateContext, attempt: number): string {
  return Buffer.from(`${ctx.rt.info.executionArn}#${ctx.stepKey}#${attempt}`).toString('base64url');
}
