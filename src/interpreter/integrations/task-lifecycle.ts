/**
 * The events around one attempt of a Task's work: Scheduled, Started, then Succeeded, Failed or
 * TimedOut. Bare Lambda ARNs use the older LambdaFunction* event family; every service
 * integration (`arn:aws:states:::…`) uses Task*.
 */
import type { Json } from '../../asl/json';
import { StatesError, StatesErrors } from '../../asl/errors';
import { dataDetails } from '../history/recorder';
import type { StateContext } from '../runtime';

export interface TaskTarget {
  /** 'lambda' for a bare Lambda ARN (LambdaFunction* events), else the service's resourceType. */
  family: 'lambda-function' | 'service';
  resourceType: string;
  resource: string;
  /** The ARN named in DataLimitExceeded causes. */
  arn: string;
}

export interface TaskTimeouts {
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
}

export type TaskWork = (signal: AbortSignal, heartbeat: () => void) => Promise<Json>;

class TaskTimedOut extends Error {
  constructor(readonly error: string) {
    super(error);
  }
}

/** Runs one attempt; returns the raw task result or throws a StatesError (already complete, no state prefix). */
export async function runTaskAttempt(
  ctx: StateContext,
  target: TaskTarget,
  parameters: Json,
  attempt: number,
  timeouts: TaskTimeouts,
  work: TaskWork,
): Promise<Json> {
  const { rt, frame } = ctx;
  const key = `${ctx.stepKey}:t${attempt}`;
  const lambdaFamily = target.family === 'lambda-function';
  const prefix = lambdaFamily ? 'LambdaFunction' : 'Task';
  const resourceFields = lambdaFamily ? {} : { resource: target.resource, resourceType: target.resourceType };

  const scheduled = rt.recorder.emit(`${key}:s`, `${prefix}Scheduled`, frame.lastEventId, () =>
    lambdaFamily
      ? { ...dataDetails('input', parameters), resource: target.arn, ...timeoutDetails(timeouts) }
      : { parameters, region: rt.info.region, ...resourceFields, ...timeoutDetails(timeouts) },
  );
  frame.lastEventId = scheduled.id;
  const started = rt.recorder.emit(`${key}:b`, `${prefix}Started`, frame.lastEventId, lambdaFamily ? undefined : () => ({ ...resourceFields }));
  frame.lastEventId = started.id;

  const done = rt.recorder.replayed(`${key}:d`);
  if (done) {
    frame.lastEventId = done.id;
    const outcome = done.meta as { output?: Json; error?: string; cause?: string };
    if (outcome.error !== undefined) throw new StatesError(outcome.error, outcome.cause, false);
    return outcome.output ?? null;
  }

  try {
    const output = await withTimeouts(ctx, timeouts, work);
    const ev = rt.recorder.emit(`${key}:d`, `${prefix}Succeeded`, frame.lastEventId, () => ({ ...dataDetails('output', output), ...resourceFields }), { output });
    frame.lastEventId = ev.id;
    return output;
  } catch (err) {
    if (err instanceof TaskTimedOut) {
      const ev = rt.recorder.emit(`${key}:d`, `${prefix}TimedOut`, frame.lastEventId, () => ({ error: err.error, ...resourceFields }), { error: err.error });
      frame.lastEventId = ev.id;
      throw new StatesError(err.error, undefined, false);
    }
    if (!(err instanceof StatesError)) throw err;
    const ev = rt.recorder.emit(
      `${key}:d`,
      `${prefix}Failed`,
      frame.lastEventId,
      () => ({ ...(err.cause !== undefined ? { cause: err.cause } : {}), error: err.error, ...resourceFields }),
      { error: err.error, cause: err.cause },
    );
    frame.lastEventId = ev.id;
    throw new StatesError(err.error, err.cause, false);
  }
}

function timeoutDetails(t: TaskTimeouts): Record<string, number> {
  const out: Record<string, number> = {};
  if (t.timeoutSeconds !== undefined) out.timeoutInSeconds = t.timeoutSeconds;
  if (t.heartbeatSeconds !== undefined) out.heartbeatInSeconds = t.heartbeatSeconds;
  return out;
}

/** Races the work against TimeoutSeconds and HeartbeatSeconds on the engine's clock. */
async function withTimeouts(ctx: StateContext, timeouts: TaskTimeouts, work: TaskWork): Promise<Json> {
  const { clock, signal: executionSignal } = ctx.rt;
  const controller = new AbortController();
  const abortWork = () => controller.abort(executionSignal.reason);
  executionSignal.addEventListener('abort', abortWork, { once: true });
  const timers = new AbortController();
  const start = clock.now();
  let heartbeatDeadline = timeouts.heartbeatSeconds !== undefined ? start + timeouts.heartbeatSeconds * 1000 : Infinity;

  const watch = async (): Promise<never> => {
    const hardDeadline = timeouts.timeoutSeconds !== undefined ? start + timeouts.timeoutSeconds * 1000 : Infinity;
    for (;;) {
      const next = Math.min(hardDeadline, heartbeatDeadline);
      if (next === Infinity) return new Promise<never>(() => undefined);
      const woke = await clock.sleepUntil(next, timers.signal).then(() => true, () => false);
      if (!woke) return new Promise<never>(() => undefined);
      if (clock.now() >= hardDeadline) throw new TaskTimedOut(StatesErrors.Timeout);
      if (clock.now() >= heartbeatDeadline) throw new TaskTimedOut(StatesErrors.HeartbeatTimeout);
    }
  };
  const heartbeat = () => {
    if (timeouts.heartbeatSeconds !== undefined) heartbeatDeadline = clock.now() + timeouts.heartbeatSeconds * 1000;
  };
  try {
    return await Promise.race([work(controller.signal, heartbeat), watch()]);
  } catch (err) {
    if (err instanceof TaskTimedOut) controller.abort(err);
    throw err;
  } finally {
    timers.abort();
    executionSignal.removeEventListener('abort', abortWork);
  }
}
